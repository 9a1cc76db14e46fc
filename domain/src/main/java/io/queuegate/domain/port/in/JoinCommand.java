package io.queuegate.domain.port.in;

import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A join request: the event, an informational user id, an optional enqueue token (a JWT), an
 * optional proof-of-work solution and an optional CAPTCHA answer.
 */
public record JoinCommand(
    EventId eventId,
    Optional<UserId> userId,
    Optional<String> enqueueToken,
    Optional<ProofOfWorkSolution> proofOfWork,
    Optional<CaptchaAnswer> captcha) {
  public JoinCommand {
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(enqueueToken);
    Objects.requireNonNull(proofOfWork);
    Objects.requireNonNull(captcha);
  }

  /** A join without a CAPTCHA answer. */
  public JoinCommand(
      EventId eventId,
      Optional<UserId> userId,
      Optional<String> enqueueToken,
      Optional<ProofOfWorkSolution> proofOfWork) {
    this(eventId, userId, enqueueToken, proofOfWork, Optional.empty());
  }

  /** A join without a proof of work. */
  public JoinCommand(EventId eventId, Optional<UserId> userId, Optional<String> enqueueToken) {
    this(eventId, userId, enqueueToken, Optional.empty());
  }
}
