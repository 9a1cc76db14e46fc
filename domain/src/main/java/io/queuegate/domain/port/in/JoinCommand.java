package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A join request: the event, an informational user id, an optional enqueue token (a JWT), and an
 * optional proof-of-work solution.
 */
public record JoinCommand(
    EventId eventId,
    Optional<UserId> userId,
    Optional<String> enqueueToken,
    Optional<ProofOfWorkSolution> proofOfWork) {
  public JoinCommand {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(enqueueToken);
    Objects.requireNonNull(proofOfWork);
  }

  /** A join without a proof of work. */
  public JoinCommand(EventId eventId, Optional<UserId> userId, Optional<String> enqueueToken) {
    this(eventId, userId, enqueueToken, Optional.empty());
  }
}
