package io.queuegate.adapter.http.queue;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.envelope.JsonHeaders;
import io.queuegate.adapter.http.filter.ClientNetworks;
import io.queuegate.adapter.http.filter.CountedToken;
import io.queuegate.adapter.http.filter.TokenRateLimit;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.BearerToken;
import io.queuegate.adapter.http.routing.BodyHandler;
import io.queuegate.adapter.http.routing.IdempotencyRoutes;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.adapter.http.routing.StateResponse;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.port.in.EnterQueueUseCase;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.in.JoinQueueUseCase;
import io.queuegate.domain.port.in.LeaveQueueUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import java.util.Optional;

/**
 * The waiter's routes: join, status, enter and leave (docs/design.md#queue-endpoints). Status,
 * enter and leave are rate-limited by their waiting token here, once the token is read (from the
 * query, or from the body, which is read once); joins by the client network, in the filter.
 */
public final class QueueHttpService implements HttpService {
  private final JoinQueueUseCase join;
  private final QueueStatusUseCase status;
  private final LeaveQueueUseCase leave;
  private final EnterQueueUseCase enter;
  private final IdempotencyRoutes idempotent;
  private final BodyHandler idempotentEnter;
  private final TokenRateLimit tokens;
  private final ClientNetworks clients;
  private final int maxBodyBytes;

  /** The waiter's use cases; join and enter run behind {@code idempotent}. */
  public QueueHttpService(
      JoinQueueUseCase join,
      QueueStatusUseCase status,
      EnterQueueUseCase enter,
      LeaveQueueUseCase leave,
      IdempotencyRoutes idempotent,
      TokenRateLimit tokens,
      ClientNetworks clients,
      int maxBodyBytes) {
    this.clients = clients;
    this.join = join;
    this.status = status;
    this.enter = enter;
    this.leave = leave;
    this.idempotent = idempotent;
    this.idempotentEnter = idempotent.aroundRead("enter", this::enter);
    this.tokens = tokens;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post(Routes.JOIN, idempotent.around("join", this::join).toHelidon());
    AllowedMethods.only(rules, Routes.JOIN, "POST");
    rules.get(Routes.STATUS, this::status);
    AllowedMethods.only(rules, Routes.STATUS, "GET");
    rules.post(Routes.ENTER, this::enterByToken);
    AllowedMethods.only(rules, Routes.ENTER, "POST");
    rules.delete(Routes.LEAVE, this::leaveByQuery);
    rules.post(Routes.LEAVE, this::leaveByQueryOrBody);
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
    Optional<ProofOfWorkSolution> proofOfWork =
        req.headers()
            .first(ProofOfWorkHeader.NAME)
            .or(() -> Optional.ofNullable(request.proofOfWork()))
            .map(ProofOfWorkHeader::decode);
    var receipt =
        join.join(
            new JoinCommand(
                eventId,
                userId,
                enqueueToken,
                proofOfWork,
                CaptchaToken.of(req, request.captchaToken(), clients)));
    return Reply.json(202, JoinResponse.from(receipt));
  }

  private void status(ServerRequest req, ServerResponse res) throws Exception {
    Optional<String> raw = QueryParams.first(req, "token");
    CountedToken counted = tokens.acquire(req, res, raw);
    String token = raw.orElseThrow(HttpError::missingToken);
    StatusResponse body = counted.watching(() -> StatusResponse.from(status.status(token)));
    // The busiest route skips the Reply it would only unpack again: the same status, headers and
    // bytes as send(), written straight.
    res.status(Status.OK_200);
    JsonHeaders.set(res);
    res.header(HeaderValues.CONTENT_TYPE_JSON);
    res.send(StatusJson.write(body));
  }

  private void enterByToken(ServerRequest req, ServerResponse res) throws Exception {
    byte[] body = RequestBody.read(req, maxBodyBytes);
    CountedToken counted = tokens.acquire(req, res, tokenIn(body));
    write(req, res, counted.watching(() -> idempotentEnter.handle(req, body)));
  }

  private Reply enter(ServerRequest req, byte[] body) {
    String token = tokenOf(Json.readObject(body, TokenRequest.class));
    return Reply.json(200, EnterResponse.from(enter.enter(token)));
  }

  private void leaveByQuery(ServerRequest req, ServerResponse res) throws Exception {
    Optional<String> token = QueryParams.first(req, "token");
    CountedToken counted = tokens.acquire(req, res, token);
    leave(req, res, counted, token.orElseThrow(HttpError::missingToken));
  }

  private void leaveByQueryOrBody(ServerRequest req, ServerResponse res) throws Exception {
    // Read within the limit even when the query names the token, so the size rule always holds.
    byte[] body = RequestBody.read(req, maxBodyBytes);
    Optional<String> fromQuery = QueryParams.first(req, "token");
    CountedToken counted =
        tokens.acquire(req, res, fromQuery.isPresent() ? fromQuery : tokenIn(body));
    if (fromQuery.isPresent()) {
      leave(req, res, counted, fromQuery.get());
      return;
    }
    if (body.length == 0) {
      throw HttpError.missingToken();
    }
    leave(req, res, counted, tokenOf(Json.readObject(body, TokenRequest.class)));
  }

  private void leave(ServerRequest req, ServerResponse res, CountedToken counted, String token)
      throws Exception {
    if (!leave.leave(token)) {
      // Still 200, as leaving is idempotent; but a made-up token costs the client's network.
      counted.namedNoWaiter();
    }
    send(req, res, new StateResponse("left"), 200);
  }

  /**
   * The waiting token of an enter or leave body, for its rate limit; empty when the body has none
   * or is not JSON, which the handler then answers as such.
   */
  private static Optional<String> tokenIn(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.readObject(body, TokenRequest.class).waitingToken())
          .filter(token -> !token.isEmpty());
    } catch (HttpError e) {
      return Optional.empty();
    }
  }

  private static String tokenOf(TokenRequest request) {
    String token = request.waitingToken();
    if (token == null || token.isEmpty()) {
      throw HttpError.missingToken();
    }
    return token;
  }

  private static void send(ServerRequest req, ServerResponse res, Object body, int status)
      throws Exception {
    write(req, res, Reply.json(status, body));
  }

  /** Writes {@code reply} as every {@link ReplyHandler} does. */
  private static void write(ServerRequest req, ServerResponse res, Reply reply) throws Exception {
    Handler handler = ((ReplyHandler) request -> reply).toHelidon();
    handler.handle(req, res);
  }
}
