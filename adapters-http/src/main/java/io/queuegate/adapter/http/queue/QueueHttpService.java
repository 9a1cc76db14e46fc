package io.queuegate.adapter.http.queue;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.BearerToken;
import io.queuegate.adapter.http.routing.IdempotencyRoutes;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.adapter.http.routing.StateResponse;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.port.in.EnterQueueUseCase;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.in.JoinQueueUseCase;
import io.queuegate.domain.port.in.LeaveQueueUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import java.util.Optional;

/** The waiter's routes: join, status, enter and leave (docs/design.md#queue-endpoints). */
public final class QueueHttpService implements HttpService {
  private final JoinQueueUseCase join;
  private final QueueStatusUseCase status;
  private final EnterQueueUseCase enter;
  private final LeaveQueueUseCase leave;
  private final IdempotencyRoutes idempotent;
  private final int maxBodyBytes;

  /** The waiter's use cases; join and enter run behind {@code idempotent}. */
  public QueueHttpService(
      JoinQueueUseCase join,
      QueueStatusUseCase status,
      EnterQueueUseCase enter,
      LeaveQueueUseCase leave,
      IdempotencyRoutes idempotent,
      int maxBodyBytes) {
    this.join = join;
    this.status = status;
    this.enter = enter;
    this.leave = leave;
    this.idempotent = idempotent;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post(Routes.JOIN, idempotent.around("join", this::join).toHelidon());
    AllowedMethods.only(rules, Routes.JOIN, "POST");
    rules.get(Routes.STATUS, ((ReplyHandler) this::status).toHelidon());
    AllowedMethods.only(rules, Routes.STATUS, "GET");
    rules.post(Routes.ENTER, idempotent.around("enter", this::enter).toHelidon());
    AllowedMethods.only(rules, Routes.ENTER, "POST");
    rules.delete(Routes.LEAVE, ((ReplyHandler) this::leaveByQuery).toHelidon());
    rules.post(Routes.LEAVE, ((ReplyHandler) this::leaveByQueryOrBody).toHelidon());
    AllowedMethods.only(rules, Routes.LEAVE, "DELETE", "POST");
  }

  private Reply join(ServerRequest req, byte[] body) {
    JoinRequest request = Json.readObject(body, JoinRequest.class);
    EventId eventId = EventId.parse(request.eventId());
    Optional<UserId> userId = UserId.parseOptional(request.userId());
    Optional<String> enqueueToken =
        BearerToken.header(req)
            .map(
                value ->
                    BearerToken.credentials(value).orElseThrow(HttpError::invalidEnqueueToken));
    var receipt = join.join(new JoinCommand(eventId, userId, enqueueToken));
    return Reply.json(202, JoinResponse.from(receipt));
  }

  private Reply status(ServerRequest req) {
    String token = QueryParams.first(req, "token").orElseThrow(HttpError::missingToken);
    return Reply.json(200, StatusResponse.from(status.status(token)));
  }

  private Reply enter(ServerRequest req, byte[] body) {
    String token = tokenOf(Json.readObject(body, TokenRequest.class));
    return Reply.json(200, EnterResponse.from(enter.enter(token)));
  }

  private Reply leaveByQuery(ServerRequest req) {
    return leave(QueryParams.first(req, "token").orElseThrow(HttpError::missingToken));
  }

  private Reply leaveByQueryOrBody(ServerRequest req) {
    // Read within the limit even when the query names the token, so the size rule always holds.
    byte[] body = RequestBody.read(req, maxBodyBytes);
    Optional<String> fromQuery = QueryParams.first(req, "token");
    if (fromQuery.isPresent()) {
      return leave(fromQuery.get());
    }
    if (body.length == 0) {
      throw HttpError.missingToken();
    }
    return leave(tokenOf(Json.readObject(body, TokenRequest.class)));
  }

  private Reply leave(String token) {
    leave.leave(token);
    return Reply.json(200, new StateResponse("left"));
  }

  private static String tokenOf(TokenRequest request) {
    String token = request.waitingToken();
    if (token == null || token.isEmpty()) {
      throw HttpError.missingToken();
    }
    return token;
  }
}
