package io.queuegate.domain.port.out;

import io.queuegate.domain.model.CaptchaVerdict;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import java.time.Duration;

/** The domain's business metrics; the adapter chooses the registry and exposition format. */
public interface QueueMetrics {

  void joined(EventId eventId);

  void positionComputed(PositionMethod method);

  void admitted(EventId eventId, Duration waited);

  /**
   * How far off the ETA told at join was, recorded at admission: {@code etaAtJoin} against the
   * actual {@code waited} (docs/design.md#eta).
   */
  void etaAtJoin(EventId eventId, Duration etaAtJoin, Duration waited);

  void left(EventId eventId);

  void expired(EventId eventId, int count);

  /**
   * The event's current line length, as last seen by the reaper's pass over active events: an event
   * whose line emptied is reported once with zero.
   */
  void waiting(EventId eventId, long count);

  /**
   * Whether an operator has configured the event, as this instance last read or changed its policy.
   * Anyone can join any valid event id, so only configured events and events with waiters are worth
   * a series of their own; an event that is neither has gone quiet.
   */
  void configured(EventId eventId, boolean configured);

  /** A proof-of-work challenge was issued for the event. */
  default void challengeIssued(EventId eventId) {}

  /** A join came with a valid, unspent proof-of-work solution. */
  default void challengeSolved(EventId eventId) {}

  /** A join the event's proof-of-work policy refused, and why. */
  default void challengeRefused(EventId eventId, ProofOfWorkRefusal reason) {}

  /** A CAPTCHA provider was asked about a join's token for the event, with this verdict. */
  default void captchaVerified(EventId eventId, CaptchaVerdict verdict) {}

  /**
   * A mirror of the event's line applied a feed entry {@code lag} after the store wrote it
   * (docs/design.md#line-mirror).
   */
  default void mirrorLag(EventId eventId, Duration lag) {}

  /** The mirror of the event's line was (re)built from a snapshot. */
  default void mirrorRebuilt(EventId eventId) {}

  /** How many events this instance mirrors now. */
  default void mirroredEvents(int count) {}

  /** A sink that records nothing, for tests and tools. */
  QueueMetrics NONE =
      new QueueMetrics() {
        @Override
        public void joined(EventId eventId) {}

        @Override
        public void positionComputed(PositionMethod method) {}

        @Override
        public void admitted(EventId eventId, Duration waited) {}

        @Override
        public void etaAtJoin(EventId eventId, Duration etaAtJoin, Duration waited) {}

        @Override
        public void left(EventId eventId) {}

        @Override
        public void expired(EventId eventId, int count) {}

        @Override
        public void waiting(EventId eventId, long count) {}

        @Override
        public void configured(EventId eventId, boolean configured) {}
      };
}
