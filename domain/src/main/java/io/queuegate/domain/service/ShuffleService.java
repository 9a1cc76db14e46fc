package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidPublicValue;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.ShuffleView;
import io.queuegate.domain.port.in.DescribeShuffleUseCase;
import io.queuegate.domain.port.in.SetPublicValueUseCase;
import io.queuegate.domain.port.out.PreQueue;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The public side of an opening shuffle: shows it (revealing the seed only once the store opened
 * the pre-queue) and takes the operator's public value, after which the entrants so far are scored
 * in the background so that the opening has little left to do.
 */
public final class ShuffleService implements DescribeShuffleUseCase, SetPublicValueUseCase {
  private static final System.Logger LOG = System.getLogger(ShuffleService.class.getName());

  private final PolicyCatalog policies;
  private final SaleOpening opening;
  private final PreQueue store;
  private final Clock clock;

  public ShuffleService(PolicyCatalog policies, SaleOpening opening, PreQueue store, Clock clock) {
    this.policies = Objects.requireNonNull(policies);
    this.opening = Objects.requireNonNull(opening);
    this.store = Objects.requireNonNull(store);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ShuffleView describe(EventId eventId) {
    SaleSchedule schedule =
        policies.policyFor(eventId).schedule().orElseThrow(ShuffleNotFound::new);
    // The seed is shown only once the store opened: until then an instance with a late view could
    // still let someone into the pre-queue.
    Instant now = clock.instant();
    opening.openIfDue(eventId, schedule, now);
    return ShuffleView.of(eventId, schedule, opening.stateOf(eventId), now);
  }

  @Override
  public ShuffleView setPublicValue(EventId eventId, String publicValue) {
    InvalidPublicValue.check(publicValue);
    SaleSchedule schedule =
        policies.configured(eventId).flatMap(p -> p.schedule()).orElseThrow(ShuffleNotFound::new);
    if (schedule.publicValueSource().isEmpty()) {
      throw new ShuffleLocked("the event's policy names no public value source");
    }
    Instant now = clock.instant();
    if (schedule.isOpenAt(now)) {
      throw new ShuffleLocked("the sale has opened; the public value can no longer be set");
    }
    opening.seal(eventId);
    ShuffleState state = store.setPublicValue(eventId, publicValue);
    opening.forget(eventId); // joins on this instance score at once from now on
    Thread.ofVirtual().name("shuffle-score-" + eventId).start(() -> scoreQuietly(eventId));
    return ShuffleView.of(eventId, schedule, state, now);
  }

  // The opening scores whatever is left, so a failure here only costs time at the opening.
  private void scoreQuietly(EventId eventId) {
    try {
      long scored = opening.scoreAll(eventId);
      LOG.log(Level.INFO, "scored {0} pre-queue entrants of {1}", scored, eventId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "scoring the pre-queue of " + eventId + " failed; the opening will", e);
    }
  }
}
