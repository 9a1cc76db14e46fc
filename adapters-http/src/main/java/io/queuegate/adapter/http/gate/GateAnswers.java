package io.queuegate.adapter.http.gate;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateDecision.Pass;
import io.queuegate.domain.model.GateDecision.Queue;
import io.queuegate.domain.model.GateDecision.Refuse;
import io.queuegate.domain.model.GateOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a gate decision as the answer a proxy of each {@link ProxyStyle} understands. A pass is a
 * 200 carrying the session cookie to set (when it changed) in {@code Set-Cookie} and the session's
 * admission token for the origin in {@code X-Queuegate-Admission}; every answer says what was
 * decided in {@code X-Queuegate-Decision}, and none may be cached. The check is the busiest route,
 * so the answer is written straight to the response with headers made once.
 */
final class GateAnswers {
  static final HeaderName ADMISSION = HeaderNames.create("X-Queuegate-Admission");
  static final HeaderName DECISION = HeaderNames.create("X-Queuegate-Decision");
  static final HeaderName LOCATION = HeaderNames.create("X-Queuegate-Location");
  static final HeaderName STATUS = HeaderNames.create("X-Queuegate-Status");

  private static final Header NO_STORE = HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store");
  private static final Header HTML =
      HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
  private static final Header NGINX_503 = HeaderValues.create(STATUS, "503");
  private static final Map<GateOutcome, Header> DECISIONS = new EnumMap<>(GateOutcome.class);

  static {
    for (GateOutcome outcome : GateOutcome.values()) {
      DECISIONS.put(outcome, HeaderValues.create(DECISION, outcome.label()));
    }
  }

  private final GateHttpSettings settings;

  GateAnswers(GateHttpSettings settings) {
    this.settings = settings;
  }

  void write(GateDecision decision, ProxyStyle style, ServerResponse res) {
    res.header(NO_STORE);
    res.header(DECISIONS.get(decision.outcome()));
    switch (decision) {
      case Pass pass -> {
        pass.cookie()
            .ifPresent(
                c ->
                    res.header(
                        HeaderNames.SET_COOKIE,
                        SessionCookies.setCookie(c, settings.secureCookies())));
        pass.admissionToken().ifPresent(token -> res.header(ADMISSION, token));
        res.status(Status.OK_200).send();
      }
      case Queue queue -> {
        String location = waitingPage(queue.returnUrl());
        if (style == ProxyStyle.NGINX) {
          res.header(LOCATION, location).status(Status.UNAUTHORIZED_401).send();
        } else {
          res.header(HeaderNames.LOCATION, location).status(Status.FOUND_302).send();
        }
      }
      case Refuse refuse -> {
        res.header(
            HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, refuse.retryAfter().toSeconds())));
        if (style == ProxyStyle.NGINX) {
          res.header(NGINX_503).status(Status.FORBIDDEN_403).send();
        } else {
          res.status(Status.SERVICE_UNAVAILABLE_503)
              .header(HTML)
              .send(closedPage(refuse.retryAfter()));
        }
      }
    }
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
