package io.queuegate.app;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.queuegate.adapter.captcha.SiteverifyCaptchaVerifier;
import io.queuegate.adapter.http.HttpAdapter;
import io.queuegate.adapter.http.HttpSettings;
import io.queuegate.adapter.jwt.JwtAdmissionTokenSigner;
import io.queuegate.adapter.jwt.JwtEnqueueTokenVerifier;
import io.queuegate.adapter.jwt.JwtReceiptSigner;
import io.queuegate.adapter.metrics.PrometheusMetrics;
import io.queuegate.adapter.redis.CommandTimer;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.push.DepartureBoard;
import io.queuegate.domain.push.FreshDepartures;
import io.queuegate.domain.service.BackgroundJobs;
import io.queuegate.domain.service.HeartbeatCoalescer;
import io.queuegate.domain.service.LineMirrors;
import io.queuegate.domain.service.MeteredEventPolicies;
import io.queuegate.domain.service.MirrorPositions;
import io.queuegate.domain.service.OutageRecordingLine;
import io.queuegate.domain.service.PolicyCatalog;
import io.queuegate.domain.service.Reaper;
import io.queuegate.domain.service.SilenceRule;
import io.queuegate.domain.service.StoreOutages;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Wires the domain, the chosen store and the HTTP, JWT, metrics and CAPTCHA adapters with plain
 * constructors, the gate included, and starts.
 */
public final class QueueApplication {

  private QueueApplication() {}

  /**
   * Starts the service on the configured port and returns a handle that stops it: the server first
   * (finishing requests in flight), then the background jobs, then the store.
   *
   * @param storeFor builds the store once the metrics sink for its command latencies exists
   */
  public static RunningService start(
      AppSettings settings, Function<CommandTimer, QueueStore> storeFor, Clock clock) {
    PrometheusMetrics prometheus = new PrometheusMetrics();
    QueueMetrics metrics = prometheus.queue();
    StoreOutages outages = new StoreOutages(clock);
    QueueStore stores = wrapped(storeFor.apply(prometheus::storeCommand), metrics, outages);
    prometheus.registerPositionMethods(MirrorPositions.withMirror(stores.line().positionMethods()));
    JwtAdmissionTokenSigner signer = JwtAdmissionTokenSigner.from(settings.admissionKeys());
    PolicyCatalog catalog =
        new PolicyCatalog(
            stores.policies(),
            settings.defaultPolicy(),
            clock,
            settings.policyCache(),
            UseCaseWiring.CACHE_RELOADS);
    HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(stores.line(), clock);
    SilenceRule silence =
        new SilenceRule(
            heartbeats,
            outages,
            settings.jobs().flushInterval(),
            settings.jobs().outageAllowance());
    Reaper reaper =
        new Reaper(
            stores.line(),
            catalog,
            metrics,
            clock,
            settings.jobs().reapBatchSize(),
            silence,
            settings.jobs().reapConcurrency());
    BackgroundJobs jobs =
        new BackgroundJobs(
            heartbeats, reaper, settings.jobs().flushInterval(), settings.jobs().reapInterval());

    // What event streams wait on: the mirrors tell it each mirrored event's departures, and streams
    // trust it only while the event's mirror is fresh.
    DepartureBoard board = new DepartureBoard();
    LineMirrors mirrors =
        new LineMirrors(
            stores.feed(),
            board,
            metrics,
            clock,
            settings.mirror(),
            LineMirrors.PLATFORM_THREADS,
            LineMirrors.SLEEP);
    FreshDepartures departures =
        new FreshDepartures(board, eventId -> mirrors.fresh(eventId, clock.instant()).isPresent());
    SiteverifyCaptchaVerifier captcha =
        new SiteverifyCaptchaVerifier(settings.captcha().settings());
    UseCaseWiring wiring =
        new UseCaseWiring(
            settings,
            stores,
            catalog,
            heartbeats,
            metrics,
            signer,
            new JwtEnqueueTokenVerifier(settings.enqueueTokens()),
            captcha,
            clock,
            JwtReceiptSigner.sharingKeysOf(signer),
            mirrors);
    GateWiring gate =
        new GateWiring(
            settings.gate(),
            stores,
            catalog,
            heartbeats,
            signer,
            metrics,
            prometheus.gate(),
            clock);
    HttpAdapter http =
        new HttpAdapter(
            new HttpSettings(
                settings.adminToken(),
                settings.rateLimit().clients(),
                settings.maxBodyBytes(),
                settings.version(),
                settings.push(),
                settings.cors(),
                settings.captcha().pageWidgets()),
            wiring.useCases(),
            HttpMetricsBridge.to(prometheus),
            Optional.of(gate.http()),
            departures);

    WebServerConfig.Builder server =
        WebServer.builder()
            .host(settings.server().host())
            .port(settings.server().port())
            .shutdownGracePeriod(settings.server().shutdownGrace())
            .shutdownHook(false);
    http.configure(server);
    WebServer webServer = server.build();
    jobs.start();
    gate.jobs().start();
    webServer.start();
    return new RunningService(webServer, jobs, gate.jobs(), stores, captcha, mirrors);
  }

  /**
   * The same store, with its waiting line reporting to {@code outages} whether it answered, and its
   * policies telling the metrics which events an operator configured.
   */
  private static QueueStore wrapped(QueueStore store, QueueMetrics metrics, StoreOutages outages) {
    return new QueueStore(
        new OutageRecordingLine(store.line(), outages),
        store.ledger(),
        new MeteredEventPolicies(store.policies(), metrics),
        store.idempotency(),
        store.rateLimits(),
        store.health(),
        store.gate(),
        store.spentChallenges(),
        store.preQueue(),
        store.log(),
        store.feed(),
        store);
  }
}
