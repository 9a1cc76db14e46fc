package io.queuegate.domain.service;

import static org.mockito.Mockito.mock;

import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Clock;
import java.util.Optional;

/**
 * The use-case services of the plain line for tests: no bot defences, no scheduled sales, no signed
 * receipts, and the test ETA stamps.
 */
final class Services {
  private Services() {}

  static JoinQueueService join(
      WaitingLine line,
      PolicyCatalog policies,
      EnqueueTokenVerifier verifier,
      EtaEstimator eta,
      PollingHint hint,
      QueueMetrics metrics,
      Clock clock) {
    return new JoinQueueService(
        line,
        policies,
        verifier,
        eta,
        hint,
        metrics,
        TestWaiters.STAMPS,
        clock,
        Optional.empty(),
        CaptchaVerifier.NONE,
        Optional.empty(),
        Optional.empty());
  }

  /** A join service with bot defences, for an event line without scheduled sales. */
  static JoinQueueService defended(
      WaitingLine line,
      PolicyCatalog policies,
      AdmissionLedger ledger,
      QueueMetrics metrics,
      Clock clock,
      ProofOfWork proofOfWork,
      CaptchaVerifier captcha) {
    return new JoinQueueService(
        line,
        policies,
        mock(EnqueueTokenVerifier.class),
        new EtaEstimator(ledger, clock),
        new PollingHint(FixedRandom.NO_JITTER),
        metrics,
        TestWaiters.STAMPS,
        clock,
        Optional.of(proofOfWork),
        captcha,
        Optional.empty(),
        Optional.empty());
  }

  static QueueStatusService status(
      WaitingLine line,
      PolicyCatalog policies,
      EtaEstimator eta,
      PollingHint hint,
      HeartbeatCoalescer heartbeats,
      QueueMetrics metrics,
      Clock clock) {
    return new QueueStatusService(
        line, policies, eta, hint, heartbeats, metrics, clock, Optional.empty(), Optional.empty());
  }

  static EnterQueueService enter(
      AdmissionLedger ledger,
      PolicyCatalog policies,
      AdmissionTokenSigner signer,
      HeartbeatCoalescer heartbeats,
      QueueMetrics metrics,
      Clock clock) {
    return new EnterQueueService(
        ledger, policies, signer, heartbeats, metrics, TestWaiters.STAMPS, clock, Optional.empty());
  }

  static ConfigureEventService configure(
      EventPolicies policies, PolicyCatalog catalog, HeartbeatCadence cadence, Clock clock) {
    return new ConfigureEventService(
        policies, catalog, cadence, CaptchaVerifier.NONE, Optional.empty(), clock);
  }
}
