package io.queuegate.adapter.http.gate;

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
import io.queuegate.adapter.http.routing.StateResponse;
import io.queuegate.domain.port.in.CompleteAdmissionUseCase;

/**
 * {@code POST /api/v1/admission/complete}: the backend is done with an admitted visitor (the order
 * is placed). The admission stops counting against {@code max_active} and its gate session ends.
 */
public final class CompleteHttpService implements HttpService {
  private final CompleteAdmissionUseCase complete;
  private final int maxBodyBytes;

  public CompleteHttpService(CompleteAdmissionUseCase complete, int maxBodyBytes) {
    this.complete = complete;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post(Routes.COMPLETE, ((ReplyHandler) this::complete).toHelidon());
    AllowedMethods.only(rules, Routes.COMPLETE, "POST");
  }

  private Reply complete(ServerRequest req) {
    CompleteRequest body =
        Json.readObject(RequestBody.read(req, maxBodyBytes), CompleteRequest.class);
    if (body.reservationToken() == null || body.reservationToken().isEmpty()) {
      throw HttpError.missingToken();
    }
    complete.complete(body.reservationToken());
    return Reply.json(200, new StateResponse("completed"));
  }
}
