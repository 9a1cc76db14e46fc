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
import io.queuegate.adapter.http.routing.StateResponse;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.in.DeleteEventUseCase;
import io.queuegate.domain.port.in.DescribeEventUseCase;
import io.queuegate.domain.port.in.PauseEventUseCase;

/**
 * The operator API (docs/design.md#operator-api). DELETE answers 200 {@code {"status": "deleted"}}
 * rather than 204, so that every operator answer is a JSON object a script can read the same way.
 */
public final class AdminHttpService implements HttpService {
  private final ConfigureEventUseCase configure;
  private final PauseEventUseCase pause;
  private final DescribeEventUseCase describe;
  private final DeleteEventUseCase delete;
  private final AdminToken adminToken;
  private final int maxBodyBytes;
  private final PositionCounts positions;

  /**
   * The operator's use cases, behind the operator's bearer token {@code adminToken}; {@code
   * positions} adds this instance's position counts to the event view.
   */
  public AdminHttpService(
      ConfigureEventUseCase configure,
      PauseEventUseCase pause,
      DescribeEventUseCase describe,
      DeleteEventUseCase delete,
      String adminToken,
      int maxBodyBytes,
      PositionCounts positions) {
    this.positions = positions;
    this.configure = configure;
    this.pause = pause;
    this.describe = describe;
    this.delete = delete;
    this.adminToken = new AdminToken(adminToken);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.put(Routes.ADMIN_EVENT, guarded(this::configure));
    rules.get(Routes.ADMIN_EVENT, guarded(this::describe));
    rules.delete(Routes.ADMIN_EVENT, guarded(this::delete));
    AllowedMethods.only(rules, Routes.ADMIN_EVENT, "GET", "PUT", "DELETE");
    rules.post(Routes.ADMIN_PAUSE, guarded(req -> setPaused(req, true)));
    AllowedMethods.only(rules, Routes.ADMIN_PAUSE, "POST");
    rules.post(Routes.ADMIN_RESUME, guarded(req -> setPaused(req, false)));
    AllowedMethods.only(rules, Routes.ADMIN_RESUME, "POST");
  }

  private io.helidon.webserver.http.Handler guarded(ReplyHandler handler) {
    ReplyHandler checked =
        req -> {
          adminToken.require(req);
          return handler.handle(req);
        };
    return checked.toHelidon();
  }

  private Reply configure(ServerRequest req) {
    EventId eventId = PathParams.eventId(req);
    PolicyRequest change =
        Json.readObject(RequestBody.read(req, maxBodyBytes), PolicyRequest.class);
    var policy = configure.configure(eventId, change::applyTo);
    return Reply.json(200, EventPolicyResponse.from(eventId, policy));
  }

  private Reply describe(ServerRequest req) {
    return Reply.json(
        200, EventResponse.from(describe.describe(PathParams.eventId(req)), positions.byMethod()));
  }

  private Reply delete(ServerRequest req) {
    delete.delete(PathParams.eventId(req));
    return Reply.json(200, new StateResponse("deleted"));
  }

  private Reply setPaused(ServerRequest req, boolean paused) {
    EventId eventId = PathParams.eventId(req);
    return Reply.json(200, EventPolicyResponse.from(eventId, pause.setPaused(eventId, paused)));
  }
}
