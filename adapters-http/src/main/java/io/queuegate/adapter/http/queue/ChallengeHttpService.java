package io.queuegate.adapter.http.queue;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.filter.ClientNetworks;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.MissingEventId;
import io.queuegate.domain.port.in.IssueChallengeUseCase;

/**
 * {@code GET /api/v1/queue/challenge?event_id=...}: a fresh proof-of-work challenge for a join,
 * issued without touching the store (docs/design.md#bots).
 */
public final class ChallengeHttpService implements HttpService {
  private final IssueChallengeUseCase challenges;
  private final ClientNetworks clients;

  public ChallengeHttpService(IssueChallengeUseCase challenges, ClientNetworks clients) {
    this.challenges = challenges;
    this.clients = clients;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.CHALLENGE, ((ReplyHandler) this::issue).toHelidon());
    AllowedMethods.only(rules, Routes.CHALLENGE, "GET");
  }

  // JSON answers are never cached (JsonHeaders): a cached challenge would be refused as spent.
  private Reply issue(ServerRequest req) {
    EventId eventId =
        EventId.parse(QueryParams.first(req, "event_id").orElseThrow(MissingEventId::new));
    return Reply.json(
        200, ChallengeResponse.from(challenges.issue(eventId, clients.prefixOf(req))));
  }
}
