package io.queuegate.domain.service;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Opening;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.PreQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an event's scheduled opening (docs/design.md#pre-queue): seals the seed, scores pre-queue
 * entrants as soon as the shuffle key is final, and opens the pre-queue when its time has come. An
 * entrant is scored at its join when the key is final by then; entrants who joined before the
 * public value was supplied are scored in chunks when it is, and whatever is left at the opening.
 */
public final class SaleOpening {
  /**
   * Entrants scored per store call: each call stays well under the store's latency bound. At 2,000
   * a Redis call took 14 ms on average and up to 96 ms on a busy machine
   * (docs/benchmarks.md#opening).
   */
  static final int CHUNK = 500;

  private static final int MAX_CACHED_EVENTS = 10_000;
  private static final Duration STATE_FRESH_FOR = Duration.ofSeconds(1);

  private final PreQueue store;
  private final ExpiringCache<EventId, ShuffleState> states;
  // Schedules this instance saw opened: opened never goes back, so one store call per instance.
  private final Set<Opened> opened = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<Opened, CompletableFuture<Instant>> opening =
      new ConcurrentHashMap<>();

  public SaleOpening(PreQueue store, Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.states =
        new ExpiringCache<>(
            clock, STATE_FRESH_FOR, Duration.ZERO, Duration.ofSeconds(1), MAX_CACHED_EVENTS);
  }

  /** The event's shuffle, sealing a seed first when the schedule has none yet. */
  public ShuffleState seal(EventId eventId) {
    ShuffleState state = store.seal(eventId, ShuffleSeed.random());
    states.forget(eventId);
    return state;
  }

  /** The event's shuffle as stored, read now. */
  public ShuffleState stateOf(EventId eventId) {
    return store.shuffle(eventId).orElseThrow(ShuffleNotFound::new);
  }

  /**
   * The pre-queue entry of a join: the entrant, scored when the key is final (no public value
   * named, or it was supplied).
   */
  public PreQueueEntry entryFor(EventId eventId, WaiterId waiterId, SaleSchedule schedule) {
    EntrantId entrant = EntrantId.of(waiterId);
    ShuffleState state =
        states.get(
            eventId, id -> store.shuffle(id).orElseGet(() -> store.seal(id, ShuffleSeed.random())));
    boolean keyFinal = schedule.publicValueSource().isEmpty() || state.publicValue().isPresent();
    return new PreQueueEntry(
        entrant,
        keyFinal
            ? OptionalLong.of(state.key().scorer().orderScore(entrant))
            : OptionalLong.empty());
  }

  /**
   * Opens the event's pre-queue when {@code now} is past the opening, scoring whoever is left
   * first. One caller per instance and schedule does the work; others wait for it.
   *
   * @return whether the event is open
   */
  public boolean openIfDue(EventId eventId, SaleSchedule schedule, Instant now) {
    if (!schedule.isOpenAt(now)) {
      return false;
    }
    Opened key = new Opened(eventId, schedule);
    if (opened.contains(key)) {
      return true;
    }
    CompletableFuture<Instant> mine = new CompletableFuture<>();
    CompletableFuture<Instant> running = opening.putIfAbsent(key, mine);
    if (running != null) {
      awaited(running);
      return true;
    }
    try {
      mine.complete(open(eventId, now));
      if (opened.size() >= MAX_CACHED_EVENTS) {
        opened.clear();
      }
      opened.add(key);
      return true;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      opening.remove(key, mine);
    }
  }

  /**
   * Scores every entrant still unscored with the key as it stands; the caller makes sure the key is
   * final. Each chunk is one read and one write.
   *
   * @return how many entrants this call scored
   */
  public long scoreAll(EventId eventId) {
    ShuffleKey key = stateOf(eventId).key();
    long scored = 0;
    while (true) {
      List<EntrantId> chunk = store.unscored(eventId, CHUNK);
      if (chunk.isEmpty()) {
        return scored;
      }
      ShuffleKey.Scorer scorer = key.scorer();
      List<ScoredEntrant> scores = new ArrayList<>(chunk.size());
      for (EntrantId entrant : chunk) {
        scores.add(new ScoredEntrant(entrant, scorer.orderScore(entrant)));
      }
      store.score(eventId, scores);
      scored += chunk.size();
    }
  }

  /** Forgets what this instance cached of the event, after its schedule changed here. */
  public void forget(EventId eventId) {
    states.forget(eventId);
    opened.removeIf(o -> o.eventId().equals(eventId));
  }

  private Instant open(EventId eventId, Instant now) {
    store.seal(eventId, ShuffleSeed.random()); // a schedule saved without a seal still opens
    // Entrants may join unscored until the opening (an instance that had not yet read the public
    // value), so the loop scores and asks again until the store opens.
    for (int tries = 0; tries < 100; tries++) {
      Opening result = store.open(eventId, now);
      if (result.openedAt().isPresent()) {
        return result.openedAt().get();
      }
      scoreAll(eventId);
    }
    throw new StoreUnavailableException("the pre-queue of " + eventId + " kept changing", null);
  }

  private static void awaited(CompletableFuture<Instant> running) {
    try {
      running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private record Opened(EventId eventId, SaleSchedule schedule) {}
}
