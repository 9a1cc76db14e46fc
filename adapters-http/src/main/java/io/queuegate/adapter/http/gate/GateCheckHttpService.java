package io.queuegate.adapter.http.gate;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.GateRequest;
import io.queuegate.domain.model.RequestPath;
import io.queuegate.domain.port.in.CheckGateUseCase;

/**
 * The check each reverse proxy asks before it forwards a request, any method (docs/design.md#gate):
 * {@code /gate/check} for Caddy and Traefik, {@code /gate/check?proxy=nginx} for nginx and
 * ingress-nginx, {@code /gate/check/<original path>} for Envoy. Requests for the gate's own pages
 * under the public path always pass, so they can never be held by the gate.
 */
public final class GateCheckHttpService implements HttpService {
  private final CheckGateUseCase check;
  private final GateHttpSettings settings;
  private final GateAnswers answers;

  public GateCheckHttpService(CheckGateUseCase check, GateHttpSettings settings) {
    this.check = check;
    this.settings = settings;
    this.answers = new GateAnswers(settings);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.any(Routes.GATE_CHECK, (req, res) -> answer(req, res, style(req)));
    rules.any(Routes.GATE_CHECK_ENVOY, (req, res) -> answer(req, res, ProxyStyle.ENVOY));
  }

  private void answer(ServerRequest req, ServerResponse res, ProxyStyle style) {
    GateRequest request = ProxyRequest.read(req, style);
    GateDecision decision =
        RequestPath.of(request.target()).startsWith(settings.publicPath(), false)
            ? GateDecision.Pass.plain(GateOutcome.BYPASS)
            : check.check(request);
    answers.write(decision, style, res);
  }

  private static ProxyStyle style(ServerRequest req) {
    return switch (QueryParams.first(req, "proxy").orElse("")) {
      case "nginx" -> ProxyStyle.NGINX;
      case "", "caddy", "traefik" -> ProxyStyle.REDIRECT;
      default -> throw HttpError.invalidRequest("proxy must be nginx, caddy or traefik");
    };
  }
}
