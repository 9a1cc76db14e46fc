package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The gate's answer to one request: let it through, send it to the waiting page, or refuse it. */
public sealed interface GateDecision {

  GateOutcome outcome();

  /**
   * Let the request through, setting {@code cookie} when the session is new, renewed or ended, and
   * handing the origin the session's admission token.
   */
  record Pass(GateOutcome outcome, Optional<SessionCookie> cookie, Optional<String> admissionToken)
      implements GateDecision {
    public Pass {
      Objects.requireNonNull(outcome);
      Objects.requireNonNull(cookie);
      Objects.requireNonNull(admissionToken);
    }

    /** Through, with no session involved. */
    public static Pass plain(GateOutcome outcome) {
      return new Pass(outcome, Optional.empty(), Optional.empty());
    }
  }

  /** Send the visitor to the waiting page, to come back to {@code returnUrl} once admitted. */
  record Queue(GateOutcome outcome, String returnUrl) implements GateDecision {
    public Queue {
      Objects.requireNonNull(outcome);
      Objects.requireNonNull(returnUrl);
    }
  }

  /** Refuse for now: 503 with {@code Retry-After}. */
  record Refuse(GateOutcome outcome, Duration retryAfter) implements GateDecision {
    public Refuse {
      Objects.requireNonNull(outcome);
      Objects.requireNonNull(retryAfter);
    }
  }
}
