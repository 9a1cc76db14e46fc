package io.queuegate.adapter.http.admin;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.PathParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.adapter.http.shuffle.ShuffleResponse;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.in.SetPublicValueUseCase;

/**
 * The operator supplies a scheduled sale's public value before the opening (docs/fairness.md): PUT
 * {@code {"public_value": "..."}}, answered with the shuffle as published.
 */
public final class ShuffleAdminHttpService implements HttpService {
  private final SetPublicValueUseCase shuffles;
  private final AdminToken adminToken;
  private final int maxBodyBytes;

  public ShuffleAdminHttpService(
      SetPublicValueUseCase shuffles, String adminToken, int maxBodyBytes) {
    this.shuffles = shuffles;
    this.adminToken = new AdminToken(adminToken);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    ReplyHandler handler =
        req -> {
          adminToken.require(req);
          return setPublicValue(req);
        };
    rules.put(Routes.ADMIN_PUBLIC_VALUE, handler.toHelidon());
    AllowedMethods.only(rules, Routes.ADMIN_PUBLIC_VALUE, "PUT");
  }

  private Reply setPublicValue(ServerRequest req) {
    EventId eventId = PathParams.eventId(req);
    PublicValueRequest body =
        Json.readObject(RequestBody.read(req, maxBodyBytes), PublicValueRequest.class);
    return Reply.json(
        200, ShuffleResponse.from(shuffles.setPublicValue(eventId, body.publicValue())));
  }
}
