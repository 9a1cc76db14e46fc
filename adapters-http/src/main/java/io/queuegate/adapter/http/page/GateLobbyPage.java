package io.queuegate.adapter.http.page;

import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaitingPage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The waiting page as the gate serves it under a protected host: the same page, with its script,
 * style and API calls under the gate's public path, entering through the gate and going back to the
 * page the visitor first asked for instead of to the event's target.
 */
public final class GateLobbyPage {
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final WaitingPageRenderer renderer = new WaitingPageRenderer();

  /**
   * @param publicPath where the protected host's proxy forwards to queuegate, such as {@code
   *     /queuegate/}
   * @param acceptLanguage the browser's {@code Accept-Language}
   */
  public Reply render(
      EventId eventId,
      WaitingPage page,
      String publicPath,
      String returnUrl,
      java.util.Optional<String> acceptLanguage) {
    PageLanguage language = PageLanguage.choose(acceptLanguage);
    WaitingPage noTarget =
        new WaitingPage(java.util.Optional.empty(), page.title(), page.targetDelivery());
    Map<String, Object> gate =
        Map.of(
            "api",
            publicPath + "api/v1/queue/",
            "gate",
            Map.of("enterUrl", publicPath + "gate/enter", "returnUrl", returnUrl));
    String html = renderer.render(eventId, noTarget, language, publicPath, gate);
    return new Reply(
        200,
        "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Cache-Control", "no-store",
            "Content-Language", language.tag(),
            "Vary", "Accept-Language",
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer"));
  }
}
