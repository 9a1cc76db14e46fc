package io.queuegate.adapter.http.queue;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.filter.ClientNetworks;
import io.queuegate.domain.model.CaptchaAnswer;
import java.util.Optional;

/**
 * A join's CAPTCHA answer (docs/design.md#captcha): the widget's response token from the {@code
 * X-Captcha-Token} header, or else the body's {@code captcha_token}, with the client address the
 * rate limit also uses, which siteverify takes as {@code remoteip}. An empty token is no token.
 */
final class CaptchaToken {
  static final HeaderName NAME = HeaderNames.create("X-Captcha-Token");

  private CaptchaToken() {}

  static Optional<CaptchaAnswer> of(ServerRequest req, String bodyToken, ClientNetworks clients) {
    return req.headers()
        .first(NAME)
        .or(() -> Optional.ofNullable(bodyToken))
        .map(String::strip)
        .filter(token -> !token.isEmpty())
        .map(token -> new CaptchaAnswer(token, clients.clientAddressOf(req)));
  }
}
