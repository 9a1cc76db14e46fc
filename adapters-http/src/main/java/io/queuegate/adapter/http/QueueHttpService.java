package io.queuegate.adapter.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.port.in.JoinCommand;
import java.util.Optional;

/** The waiter's routes: join, status, enter and leave (SPEC 2.1). */
final class QueueHttpService implements HttpService {
  private final QueueUseCases useCases;
  private final IdempotentRoutes idempotent;
  private final int maxBodyBytes;

  QueueHttpService(QueueUseCases useCases, IdempotentRoutes idempotent, int maxBodyBytes) {
    this.useCases = useCases;
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
    var receipt = useCases.join().join(new JoinCommand(eventId, userId, enqueueToken));
    return Reply.json(202, JoinResponse.from(receipt));
  }

  private Reply status(ServerRequest req) {
    String token = QueryParams.first(req, "token").orElseThrow(HttpError::missingToken);
    return Reply.json(200, StatusResponse.from(useCases.status().status(token)));
  }

  private Reply enter(ServerRequest req, byte[] body) {
    String token = tokenOf(Json.readObject(body, TokenRequest.class));
    return Reply.json(200, EnterResponse.from(useCases.enter().enter(token)));
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
    useCases.leave().leave(token);
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
