package io.queuegate.adapter.http.gate;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.page.GateLobbyPage;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.GateEntry;
import io.queuegate.domain.model.Lobby;
import io.queuegate.domain.port.in.EnterGateUseCase;
import io.queuegate.domain.port.in.OpenLobbyUseCase;
import java.util.List;
import java.util.Map;

/**
 * The gate's waiting page, {@code GET /gate/wait?return_url=...} ({@code rd} is read too, as
 * ingress-nginx's {@code auth-signin} sends it), and its enter step, {@code POST /gate/enter},
 * which sets the session cookie. Both are reached through the protected host's proxy under the
 * public path, so the cookie is first-party.
 */
public final class LobbyHttpService implements HttpService {
  private final OpenLobbyUseCase lobby;
  private final EnterGateUseCase enter;
  private final GateHttpSettings settings;
  private final int maxBodyBytes;
  private final GateLobbyPage page = new GateLobbyPage();

  public LobbyHttpService(
      OpenLobbyUseCase lobby, EnterGateUseCase enter, GateHttpSettings settings, int maxBodyBytes) {
    this.lobby = lobby;
    this.enter = enter;
    this.settings = settings;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.GATE_WAIT, ((ReplyHandler) this::open).toHelidon());
    AllowedMethods.only(rules, Routes.GATE_WAIT, "GET");
    rules.post(Routes.GATE_ENTER, ((ReplyHandler) this::enter).toHelidon());
    AllowedMethods.only(rules, Routes.GATE_ENTER, "POST");
  }

  private Reply open(ServerRequest req) {
    String returnUrl =
        QueryParams.first(req, "return_url").or(() -> QueryParams.first(req, "rd")).orElse(null);
    Map<String, String> cookies =
        SessionCookies.parse(req.headers().all(HeaderNames.COOKIE, List::of));
    return switch (lobby.open(returnUrl, ProxyRequest.visitorHost(req), cookies)) {
      case Lobby.Wait wait ->
          page.render(
              wait.room().eventId(),
              wait.page(),
              settings.publicPath(),
              wait.returnUrl(),
              req.headers().first(HeaderNames.ACCEPT_LANGUAGE));
      case Lobby.Admitted admitted ->
          new Reply(
              303,
              "text/plain; charset=utf-8",
              new byte[0],
              Map.of("Location", admitted.returnUrl(), "Cache-Control", "no-store"));
      case Lobby.Closed closed ->
          new Reply(
              503,
              "text/html; charset=utf-8",
              GateAnswers.closedPage(closed.retryAfter()),
              Map.of(
                  "Retry-After",
                  Long.toString(Math.max(1, closed.retryAfter().toSeconds())),
                  "Cache-Control",
                  "no-store"));
    };
  }

  private Reply enter(ServerRequest req) {
    EnterRequest body = Json.readObject(RequestBody.read(req, maxBodyBytes), EnterRequest.class);
    if (body.waitingToken() == null || body.waitingToken().isEmpty()) {
      throw HttpError.missingToken();
    }
    GateEntry entry =
        enter.enter(body.waitingToken(), body.returnUrl(), ProxyRequest.visitorHost(req));
    return Reply.json(200, new EnterResponse(entry.redirect()))
        .withHeader(
            "Set-Cookie", SessionCookies.setCookie(entry.cookie(), settings.secureCookies()))
        .withHeader("Cache-Control", "no-store");
  }
}
