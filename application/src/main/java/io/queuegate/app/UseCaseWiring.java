package io.queuegate.app;

import io.queuegate.adapter.http.QueueUseCases;
import io.queuegate.adapter.jwt.JwtEtaStamps;
import io.queuegate.adapter.memory.InMemoryRateLimitBuckets;
import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EtaStamps;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.ReceiptSigner;
import io.queuegate.domain.service.AdaptiveDifficulty;
import io.queuegate.domain.service.ConfigureEventService;
import io.queuegate.domain.service.DeleteEventService;
import io.queuegate.domain.service.DescribeCaptchaService;
import io.queuegate.domain.service.DescribeEventService;
import io.queuegate.domain.service.DescribeStreamPaceService;
import io.queuegate.domain.service.DescribeWaitingPageService;
import io.queuegate.domain.service.EnterQueueService;
import io.queuegate.domain.service.EtaEstimator;
import io.queuegate.domain.service.HeartbeatCoalescer;
import io.queuegate.domain.service.IssueChallengeService;
import io.queuegate.domain.service.JoinQueueService;
import io.queuegate.domain.service.JoinReceipts;
import io.queuegate.domain.service.LeaveQueueService;
import io.queuegate.domain.service.LineMirrors;
import io.queuegate.domain.service.LogCheckpoints;
import io.queuegate.domain.service.MirrorPositions;
import io.queuegate.domain.service.PauseEventService;
import io.queuegate.domain.service.PolicyCatalog;
import io.queuegate.domain.service.PollingHint;
import io.queuegate.domain.service.ProofOfWork;
import io.queuegate.domain.service.ProofOfWorkSettings;
import io.queuegate.domain.service.PublishKeysService;
import io.queuegate.domain.service.QueueStatusService;
import io.queuegate.domain.service.RateLimitService;
import io.queuegate.domain.service.ReadLogService;
import io.queuegate.domain.service.ReadinessService;
import io.queuegate.domain.service.RunOnceService;
import io.queuegate.domain.service.SaleOpening;
import io.queuegate.domain.service.ShuffleService;
import io.queuegate.domain.service.VerifyAdmissionService;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Builds every use-case service from the stores and shared rules. */
record UseCaseWiring(
    AppSettings settings,
    QueueStore stores,
    PolicyCatalog catalog,
    HeartbeatCoalescer heartbeats,
    QueueMetrics metrics,
    AdmissionTokenSigner signer,
    EnqueueTokenVerifier enqueueTokens,
    CaptchaVerifier captcha,
    Clock clock,
    ReceiptSigner receipts,
    LineMirrors mirrors) {

  /**
   * Where cached policies and admission histories are read again once stale: a virtual thread per
   * reload, so that no status call waits on the store for a value it can be served meanwhile
   * (docs/design.md#store-failures).
   */
  static final Executor CACHE_RELOADS =
      reload -> Thread.ofVirtual().name("queuegate-cache-reload").start(reload);

  /** How many events' log checkpoints one instance keeps (docs/design.md#log). */
  static final int LOG_CHECKPOINT_EVENTS = 1_000;

  QueueUseCases useCases() {
    EtaEstimator eta = new EtaEstimator(stores.ledger(), clock, settings.eta(), CACHE_RELOADS);
    PollingHint hint = new PollingHint(settings.pollingHint());
    ProofOfWorkSettings pow = settings.proofOfWork().settings();
    // One difficulty for both: solved joins raise the challenges issued next.
    AdaptiveDifficulty difficulty = new AdaptiveDifficulty(pow);
    ProofOfWork proofOfWork = new ProofOfWork(pow, stores.spentChallenges(), difficulty);
    // Instances that share a store must read each other's stamps, as they must each other's gate
    // cookies: the same shared secret (required with Redis) keys both, each under its own key.
    EtaStamps stamps = JwtEtaStamps.from(settings.gate().sessionSecret());
    SaleOpening opening = new SaleOpening(stores.preQueue(), clock);
    ConfigureEventService configure =
        new ConfigureEventService(
            stores.policies(),
            catalog,
            settings.heartbeatCadence(),
            captcha,
            Optional.of(opening),
            clock);
    ShuffleService shuffle = new ShuffleService(catalog, opening, stores.preQueue(), clock);
    return new QueueUseCases(
        new JoinQueueService(
            stores.line(),
            catalog,
            enqueueTokens,
            eta,
            hint,
            metrics,
            stamps,
            clock,
            Optional.of(proofOfWork),
            captcha,
            Optional.of(opening),
            Optional.of(new JoinReceipts(receipts, stores.log()))),
        new QueueStatusService(
            stores.line(),
            catalog,
            eta,
            hint,
            heartbeats,
            metrics,
            clock,
            Optional.of(opening),
            settings.mirror().enabled()
                ? Optional.of(new MirrorPositions(mirrors, stamps))
                : Optional.empty()),
        new EnterQueueService(
            stores.ledger(),
            catalog,
            signer,
            heartbeats,
            metrics,
            stamps,
            clock,
            Optional.of(opening)),
        new LeaveQueueService(stores.line(), heartbeats, metrics, clock),
        new VerifyAdmissionService(signer, stores.ledger(), clock),
        new PublishKeysService(signer),
        configure,
        new PauseEventService(configure),
        new DescribeEventService(catalog, stores.line(), stores.ledger(), clock),
        new DeleteEventService(stores.line(), stores.policies(), catalog),
        new ReadinessService(stores.health(), settings.readinessTimeout()),
        new RateLimitService(
            stores.rateLimits(),
            new InMemoryRateLimitBuckets(),
            settings.rateLimit().limits(),
            settings.rateLimit().failOpen(),
            clock),
        new RunOnceService(
            stores.idempotency(),
            clock,
            settings.idempotency().replayFor(),
            settings.idempotency().inFlightFor()),
        new DescribeWaitingPageService(catalog),
        new IssueChallengeService(catalog, proofOfWork, difficulty, metrics, clock),
        new DescribeCaptchaService(catalog),
        shuffle,
        shuffle,
        new ReadLogService(
            stores.log(), new LogCheckpoints(LogPage.MAX_LIMIT, LOG_CHECKPOINT_EVENTS)),
        new DescribeStreamPaceService(catalog));
  }
}
