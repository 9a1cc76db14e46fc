package io.queuegate.adapter.http.admission;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.port.in.PublishKeysUseCase;
import io.queuegate.domain.port.in.VerifyAdmissionUseCase;

/**
 * The booking backend's routes: admission-token verification and the JWKS
 * (docs/design.md#admission-tokens).
 */
public final class AdmissionHttpService implements HttpService {
  private final VerifyAdmissionUseCase verify;
  private final PublishKeysUseCase keys;
  private final int maxBodyBytes;

  public AdmissionHttpService(
      VerifyAdmissionUseCase verify, PublishKeysUseCase keys, int maxBodyBytes) {
    this.verify = verify;
    this.keys = keys;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post(Routes.VERIFY, ((ReplyHandler) this::verify).toHelidon());
    AllowedMethods.only(rules, Routes.VERIFY, "POST");
    rules.get(Routes.JWKS, ((ReplyHandler) this::jwks).toHelidon());
    AllowedMethods.only(rules, Routes.JWKS, "GET");
  }

  private Reply verify(ServerRequest req) {
    VerifyRequest request =
        Json.readObject(RequestBody.read(req, maxBodyBytes), VerifyRequest.class);
    String token = request.reservationToken();
    if (token == null || token.isEmpty()) {
      throw HttpError.missingToken();
    }
    boolean consume = Boolean.TRUE.equals(request.consume());
    return Reply.json(200, VerifyResponse.from(verify.verify(token, consume)));
  }

  private Reply jwks(ServerRequest req) {
    // Verifiers cache the keys for five minutes; rotation keeps old keys published longer.
    return Reply.text(200, Reply.JSON, keys.jwksJson()).withHeader("Cache-Control", "max-age=300");
  }
}
