package io.queuegate.adapter.http;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.queuegate.adapter.http.admin.AdminHttpService;
import io.queuegate.adapter.http.admin.ShuffleAdminHttpService;
import io.queuegate.adapter.http.admission.AdmissionHttpService;
import io.queuegate.adapter.http.envelope.EnvelopeDirectHandler;
import io.queuegate.adapter.http.envelope.EnvelopeErrorHandlers;
import io.queuegate.adapter.http.filter.ClientNetworks;
import io.queuegate.adapter.http.filter.ConnectionCloseFilter;
import io.queuegate.adapter.http.filter.CorsFilter;
import io.queuegate.adapter.http.filter.RateLimitFilter;
import io.queuegate.adapter.http.filter.RequestMetricsFilter;
import io.queuegate.adapter.http.filter.TokenRateLimit;
import io.queuegate.adapter.http.filter.TraceIdFilter;
import io.queuegate.adapter.http.gate.GateHttp;
import io.queuegate.adapter.http.log.LogHttpService;
import io.queuegate.adapter.http.operations.OperationsHttpService;
import io.queuegate.adapter.http.page.WaitingPageHttpService;
import io.queuegate.adapter.http.queue.ChallengeHttpService;
import io.queuegate.adapter.http.queue.QueueEventsHttpService;
import io.queuegate.adapter.http.queue.QueueHttpService;
import io.queuegate.adapter.http.routing.IdempotencyRoutes;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.adapter.http.shuffle.ShuffleHttpService;
import io.queuegate.domain.push.Departures;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP adapter's entry point: puts the routes, filters, error handling and limits of the HTTP
 * contract on a Helidon server. The composition root sets host and port.
 */
public final class HttpAdapter {
  private final HttpSettings settings;
  private final QueueUseCases useCases;
  private final HttpMetrics metrics;
  private final Optional<GateHttp> gate;
  private final Departures departures;

  public HttpAdapter(HttpSettings settings, QueueUseCases useCases, HttpMetrics metrics) {
    this(settings, useCases, metrics, Optional.empty());
  }

  /** The adapter with the gate's routes when {@code gate} is present (docs/design.md#gate). */
  public HttpAdapter(
      HttpSettings settings, QueueUseCases useCases, HttpMetrics metrics, Optional<GateHttp> gate) {
    this(settings, useCases, metrics, gate, Departures.NONE);
  }

  /**
   * The same, with event streams waiting on {@code departures} for the events this instance mirrors
   * (docs/design.md#push) instead of checking on a timer.
   */
  public HttpAdapter(
      HttpSettings settings,
      QueueUseCases useCases,
      HttpMetrics metrics,
      Optional<GateHttp> gate,
      Departures departures) {
    this.settings = Objects.requireNonNull(settings);
    this.useCases = Objects.requireNonNull(useCases);
    this.metrics = Objects.requireNonNull(metrics);
    this.gate = Objects.requireNonNull(gate);
    this.departures = Objects.requireNonNull(departures);
  }

  /**
   * Sets routing, filters, error handlers and limits on the server (the caller sets host and port).
   */
  public void configure(WebServerConfig.Builder server) {
    // Bodies up to the drain limit reach the handlers, which answer 413 after reading them to the
    // end: answering and closing with unread bytes would reset the connection and the client would
    // never see the 413. Larger bodies Helidon refuses before routing (the direct handlers keep
    // the envelope).
    server
        .maxPayloadSize(Math.max(RequestBody.DRAIN_LIMIT, settings.maxBodyBytes()))
        .directHandlers(EnvelopeDirectHandler.handlers())
        .routing(this::routing);
  }

  /** Sets routes, filters and error handlers on {@code routing}; also used by routing tests. */
  public void routing(HttpRouting.Builder routing) {
    int limit = settings.maxBodyBytes();
    Routes routes = new Routes(settings.adminToken().isPresent());
    ClientNetworks clients = new ClientNetworks(settings.clients());
    TokenRateLimit tokens = new TokenRateLimit(useCases.rateLimit(), clients);
    routing
        .addFilter(new ConnectionCloseFilter())
        .addFilter(new TraceIdFilter())
        .addFilter(new RequestMetricsFilter(metrics.requests(), routes))
        .addFilter(new CorsFilter(settings.cors()))
        .addFilter(new RateLimitFilter(useCases.rateLimit(), clients));
    EnvelopeErrorHandlers.register(routing);
    // First: a site's proxy asks the gate once per request of its visitors, the busiest route.
    gate.ifPresent(g -> g.register(routing, settings.adminToken(), limit));
    routing
        .register(
            new QueueHttpService(
                useCases.join(),
                useCases.status(),
                useCases.enter(),
                useCases.leave(),
                new IdempotencyRoutes(useCases.idempotency(), limit),
                tokens,
                clients,
                limit))
        .register(new ChallengeHttpService(useCases.challenge(), clients))
        .register(
            new QueueEventsHttpService(
                useCases.status(),
                settings.push(),
                metrics.openStreams(),
                tokens,
                departures,
                useCases.streamPace()))
        .register(
            new WaitingPageHttpService(
                useCases.waitingPage(), useCases.captcha(), settings.captchaWidgets()))
        .register(new ShuffleHttpService(useCases.shuffle()))
        .register(new LogHttpService(useCases.log()))
        .register(new AdmissionHttpService(useCases.verify(), useCases.keys(), limit))
        .register(
            new OperationsHttpService(useCases.readiness(), metrics.scrape(), settings.version()));
    // Without an operator token the operator API does not exist at all: 404, not 401.
    settings
        .adminToken()
        .ifPresent(
            token ->
                routing
                    .register(
                        new AdminHttpService(
                            useCases.configure(),
                            useCases.pause(),
                            useCases.describe(),
                            useCases.delete(),
                            token,
                            limit,
                            metrics.positions()))
                    .register(new ShuffleAdminHttpService(useCases.publicValue(), token, limit)));
  }
}
