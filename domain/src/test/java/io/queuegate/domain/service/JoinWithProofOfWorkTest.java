package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.model.ProofOfWorkRequired;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinWithProofOfWorkTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final WaitingLine line = mock(WaitingLine.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1));
  private final AdaptiveDifficulty difficulty = new AdaptiveDifficulty(ProofOfWorkTest.SETTINGS);
  private final ProofOfWork pow =
      new ProofOfWork(ProofOfWorkTest.SETTINGS, new ProofOfWorkTest.SpentSet(), difficulty);
  private final JoinQueueService service =
      Services.defended(line, catalog, ledger, metrics, clock, pow, CaptchaVerifier.NONE);
  private final IssueChallengeService challenges =
      new IssueChallengeService(catalog, pow, difficulty, metrics, clock);

  @BeforeEach
  void lineAcceptsJoins() {
    when(ledger.recentAdmissions(any(), any())).thenReturn(AdmissionWindows.NONE);
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    when(line.join(any(), anyLong(), any()))
        .thenReturn(
            new Joined(
                new WaiterStanding(TestWaiters.waiter(clock.instant()), 1, TestWaiters.INDEX),
                false));
  }

  private void requireProofOfWork(boolean required) {
    when(stored.find(EVENT))
        .thenReturn(
            Optional.of(
                QueuePolicy.builder()
                    .requireProofOfWork(required)
                    .proofOfWorkDifficulty(QueuePolicy.MIN_DIFFICULTY)
                    .build()));
  }

  private JoinCommand joinWith(Optional<ProofOfWorkSolution> solution) {
    return new JoinCommand(EVENT, Optional.empty(), Optional.empty(), solution);
  }

  @Test
  void eventRequiringIt_withoutSolution_refusesAndCounts() {
    requireProofOfWork(true);

    assertThatThrownBy(() -> service.join(joinWith(Optional.empty())))
        .isInstanceOf(ProofOfWorkRequired.class);
    verify(metrics).challengeRefused(EVENT, ProofOfWorkRefusal.MISSING);
    verify(line, never()).join(any(), anyLong(), any());
  }

  @Test
  void eventRequiringIt_withSolvedChallenge_joinsAndCounts() {
    requireProofOfWork(true);
    ProofOfWorkSolution solution = Solver.solve(challenges.issue(EVENT, "192.0.2.0/24"));

    assertThat(service.join(joinWith(Optional.of(solution))).position()).isEqualTo(1);
    verify(metrics).challengeIssued(EVENT);
    verify(metrics).challengeSolved(EVENT);
  }

  @Test
  void eventRequiringIt_withReplayedSolution_refusesTheSecondJoin() {
    requireProofOfWork(true);
    ProofOfWorkSolution solution = Solver.solve(challenges.issue(EVENT, "192.0.2.0/24"));
    service.join(joinWith(Optional.of(solution)));

    assertThatThrownBy(() -> service.join(joinWith(Optional.of(solution))))
        .isInstanceOf(InvalidProofOfWork.class);
    verify(metrics).challengeRefused(EVENT, ProofOfWorkRefusal.SPENT);
  }

  @Test
  void eventWithoutThePolicy_joinsWithoutSolution() {
    requireProofOfWork(false);

    assertThat(service.join(joinWith(Optional.empty())).position()).isEqualTo(1);
    verify(metrics, never()).challengeRefused(any(), any());
  }

  @Test
  void issuedChallenge_usesTheEventsDifficulty() {
    requireProofOfWork(true);

    assertThat(challenges.issue(EVENT, "192.0.2.0/24").maxNumber())
        .isEqualTo(QueuePolicy.MIN_DIFFICULTY);
  }
}
