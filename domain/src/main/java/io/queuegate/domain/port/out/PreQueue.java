package io.queuegate.domain.port.out;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Opening;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store's side of a scheduled opening (docs/design.md#pre-queue): the shuffle's seed and public
 * value, the order scores of pre-queue entrants, and the opening itself. Entrants join through
 * {@link WaitingLine#join} with a pre-queue entry. Every method is atomic; the shuffle's state goes
 * with the event's policy and with the event.
 */
public interface PreQueue {

  /** The event's shuffle, or empty when none was sealed. */
  Optional<ShuffleState> shuffle(EventId eventId);

  /**
   * Keeps {@code candidate} as the event's seed unless it has one already, and returns the state
   * stored: a seed, once stored, never changes.
   */
  ShuffleState seal(EventId eventId, ShuffleSeed candidate);

  /**
   * Stores the public value unless the event has opened or holds another value (the same value
   * again is no change).
   *
   * @return the state stored
   * @throws io.queuegate.domain.model.ShuffleLocked when opened or set to another value
   * @throws io.queuegate.domain.model.ShuffleNotFound when no seed was sealed
   */
  ShuffleState setPublicValue(EventId eventId, String publicValue);

  /** Up to {@code limit} pre-queue entrants without an order score, earliest join first. */
  List<EntrantId> unscored(EventId eventId, int limit);

  /** Gives order scores to entrants still waiting unscored; others are ignored. */
  void score(EventId eventId, Collection<ScoredEntrant> scores);

  /**
   * Opens the pre-queue: from then on its entrants stand in order of their scores (ties by entrant
   * id), ahead of every later join, and joins no longer enter it. Refused while any entrant has no
   * score. Opening an opened event answers when it opened.
   */
  Opening open(EventId eventId, Instant now);
}
