package io.queuegate.domain.service;

import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.in.IssueChallengeUseCase;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Issues proof-of-work challenges at the event's difficulty, raised under pressure; no store. */
public final class IssueChallengeService implements IssueChallengeUseCase {
  private final PolicyCatalog policies;
  private final ProofOfWork proofOfWork;
  private final AdaptiveDifficulty difficulty;
  private final QueueMetrics metrics;
  private final Clock clock;

  public IssueChallengeService(
      PolicyCatalog policies,
      ProofOfWork proofOfWork,
      AdaptiveDifficulty difficulty,
      QueueMetrics metrics,
      Clock clock) {
    this.policies = Objects.requireNonNull(policies);
    this.proofOfWork = Objects.requireNonNull(proofOfWork);
    this.difficulty = Objects.requireNonNull(difficulty);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Challenge issue(EventId eventId, String clientPrefix) {
    Instant now = clock.instant();
    QueuePolicy policy = policies.policyFor(eventId);
    long maxNumber = difficulty.next(eventId, clientPrefix, policy.proofOfWorkDifficulty(), now);
    Challenge challenge = proofOfWork.issue(eventId, maxNumber, now);
    metrics.challengeIssued(eventId);
    return challenge;
  }
}
