package io.queuegate.adapter.http.gate;

import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateDecision.Pass;
import io.queuegate.domain.model.GateDecision.Queue;
import io.queuegate.domain.model.GateDecision.Refuse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a gate decision into the answer a proxy of each {@link ProxyStyle} understands. A pass is a
 * 200 carrying the session cookie to set (when it changed) in {@code Set-Cookie} and the session's
 * admission token for the origin in {@code X-Queuegate-Admission}; every answer says what was
 * decided in {@code X-Queuegate-Decision}, and none may be cached.
 */
final class GateAnswers {
  static final String ADMISSION = "X-Queuegate-Admission";
  static final String DECISION = "X-Queuegate-Decision";
  static final String LOCATION = "X-Queuegate-Location";
  static final String STATUS = "X-Queuegate-Status";

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  private final GateHttpSettings settings;

  GateAnswers(GateHttpSettings settings) {
    this.settings = settings;
  }

  Reply answer(GateDecision decision, ProxyStyle style) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cache-Control", "no-store");
    headers.put(DECISION, decision.outcome().label());
    return switch (decision) {
      case Pass pass -> {
        pass.cookie()
            .ifPresent(
                c ->
                    headers.put(
                        "Set-Cookie", SessionCookies.setCookie(c, settings.secureCookies())));
        pass.admissionToken().ifPresent(token -> headers.put(ADMISSION, token));
        yield new Reply(200, TEXT, new byte[0], headers);
      }
      case Queue queue -> {
        String location = waitingPage(queue.returnUrl());
        if (style == ProxyStyle.NGINX) {
          headers.put(LOCATION, location);
          yield new Reply(401, TEXT, new byte[0], headers);
        }
        headers.put("Location", location);
        yield new Reply(302, TEXT, new byte[0], headers);
      }
      case Refuse refuse -> {
        headers.put("Retry-After", Long.toString(Math.max(1, refuse.retryAfter().toSeconds())));
        if (style == ProxyStyle.NGINX) {
          headers.put(STATUS, "503");
          yield new Reply(403, TEXT, new byte[0], headers);
        }
        yield new Reply(503, HTML, closedPage(refuse.retryAfter()), headers);
      }
    };
  }

  /** The gate's waiting page under the protected host, with the way back. */
  String waitingPage(String returnUrl) {
    return settings.publicPath()
        + "gate/wait?return_url="
        + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
  }

  /** A plain page for people; crawlers read the status and Retry-After. */
  static byte[] closedPage(Duration retryAfter) {
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Closed for now</title></head><body>"
            + "<h1>Closed for now</h1><p>This page is not open at the moment. Please try again in "
            + Math.max(1, retryAfter.toSeconds())
            + " seconds.</p></body></html>";
    return html.getBytes(StandardCharsets.UTF_8);
  }
}
