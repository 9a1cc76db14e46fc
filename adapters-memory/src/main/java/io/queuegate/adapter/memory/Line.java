package io.queuegate.adapter.memory;

import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One event's line: places by id and by sequence, heartbeat order, identities and positions. A
 * scheduled sale's pre-queue entrants hold sequences too (for the heartbeat order) but stand apart
 * from the first-come index: until the opening each is told the pre-queue's size, after it they
 * stand in a second index over their shuffled order, ahead of everyone who joined later.
 */
final class Line {

  /** A waiter and its last heartbeat; a pre-queue entrant also has its entrant id and score. */
  static final class Place {
    final Waiter waiter;
    private Instant lastSeen;
    final EntrantId entrant;
    private long score = -1;
    private long slot;
    // The number of the place's join record in the event's log.
    long logSeq;

    private Place(Waiter waiter, Instant lastSeen, EntrantId entrant) {
      this.waiter = waiter;
      this.lastSeen = lastSeen;
      this.entrant = entrant;
    }

    boolean inPreQueue() {
      return entrant != null;
    }

    /** The entrant id the log names this place by. */
    EntrantId logName() {
      return entrant != null ? entrant : EntrantId.of(waiter.id());
    }
  }

  private static final Comparator<Place> BY_LAST_SEEN =
      Comparator.<Place, Instant>comparing(p -> p.lastSeen)
          .thenComparingLong(p -> p.waiter.sequence());

  private final Map<WaiterId, Place> byId = new HashMap<>();
  private final Map<Long, Place> bySequence = new HashMap<>();
  private final NavigableSet<Place> byLastSeen = new TreeSet<>(BY_LAST_SEEN);
  private final Map<Identity, WaiterId> identities = new HashMap<>();
  private final PositionIndex index = new PositionIndex();
  private long lastSequence;
  // The pre-queue, in join order, and those of it still without a score.
  private final Map<EntrantId, Place> preQueue = new LinkedHashMap<>();
  private final Map<EntrantId, Place> unscored = new LinkedHashMap<>();
  private final PositionIndex shuffled = new PositionIndex();
  private boolean opened;
  // What changed since the last drain, for the event's feed (docs/design.md#feed).
  private final List<LineChange> changes = new ArrayList<>();

  /** The waiter's place, or null when it is not in the line. */
  Place find(WaiterId id) {
    return byId.get(id);
  }

  /** The place held by {@code identity}, if any. */
  Optional<Place> heldBy(Identity identity) {
    return Optional.ofNullable(identities.get(identity)).map(byId::get);
  }

  /** Puts a new waiter at the back of the line, with the next sequence number. */
  Place add(EventId eventId, NewWaiter newWaiter, Instant now) {
    Place place = place(eventId, newWaiter, now, null);
    index.add(place.waiter.sequence());
    changes.add(new LineChange.Joined(place.waiter.sequence()));
    return place;
  }

  /** Puts a new waiter into the pre-queue, which must not have opened. */
  Place addToPreQueue(EventId eventId, NewWaiter newWaiter, PreQueueEntry entry, Instant now) {
    Place place = place(eventId, newWaiter, now, entry.entrant());
    preQueue.put(entry.entrant(), place);
    changes.add(new LineChange.JoinedPreQueue(place.waiter.sequence()));
    if (entry.score().isPresent()) {
      place.score = entry.score().getAsLong();
    } else {
      unscored.put(entry.entrant(), place);
    }
    return place;
  }

  private Place place(EventId eventId, NewWaiter newWaiter, Instant now, EntrantId entrant) {
    Waiter waiter =
        new Waiter(
            eventId, newWaiter.id(), ++lastSequence, newWaiter.userId(), newWaiter.identity(), now);
    Place place = new Place(waiter, now, entrant);
    byId.put(waiter.id(), place);
    bySequence.put(waiter.sequence(), place);
    byLastSeen.add(place);
    newWaiter.identity().ifPresent(identity -> identities.put(identity, waiter.id()));
    return place;
  }

  /**
   * Position 1 is the head: for a first-come waiter, the pre-queue plus 1 + the first-come waiters
   * with a smaller sequence; for a pre-queue entrant after the opening, 1 + the entrants ahead in
   * the shuffled order; before the opening, the size of the pre-queue.
   */
  long position(Place place) {
    if (!place.inPreQueue()) {
      return preQueue.size() + index.rank(place.waiter.sequence());
    }
    return opened ? shuffled.rank(place.slot) : preQueue.size();
  }

  /** Whether {@code place} waits in a pre-queue that has not opened. */
  boolean waitsForOpening(Place place) {
    return place.inPreQueue() && !opened;
  }

  /** Up to {@code limit} pre-queue entrants without a score, earliest join first. */
  List<EntrantId> unscored(int limit) {
    List<EntrantId> out = new ArrayList<>(Math.min(limit, unscored.size()));
    for (EntrantId entrant : unscored.keySet()) {
      if (out.size() == limit) {
        break;
      }
      out.add(entrant);
    }
    return out;
  }

  /** Gives {@code entrant} its score if it still waits unscored. */
  void score(EntrantId entrant, long score) {
    Place place = unscored.remove(entrant);
    if (place != null) {
      place.score = score;
    }
  }

  int unscoredCount() {
    return unscored.size();
  }

  /**
   * Orders the pre-queue by score, ties by entrant id, and from now on ranks its entrants in that
   * order. Every entrant must have a score. Returns how many it ordered.
   */
  int open() {
    if (!unscored.isEmpty()) {
      throw new IllegalStateException("unscored entrants left");
    }
    Place[] places = preQueue.values().toArray(new Place[0]);
    long[] scores = new long[places.length];
    for (int i = 0; i < places.length; i++) {
      scores[i] = places[i].score;
    }
    int[] order =
        ShuffleSort.order(scores, (a, b) -> places[a].entrant.compareTo(places[b].entrant));
    for (int i = 0; i < order.length; i++) {
      places[order[i]].slot = i + 1L;
      shuffled.add(i + 1L);
    }
    opened = true;
    changes.add(new LineChange.Opened(order.length));
    return order.length;
  }

  /** Records a heartbeat; an older instant from a lagging clock never moves it back. */
  void heartbeat(Place place, Instant now) {
    if (now.isAfter(place.lastSeen)) {
      byLastSeen.remove(place);
      place.lastSeen = now;
      byLastSeen.add(place);
    }
  }

  void remove(Place place) {
    Waiter waiter = place.waiter;
    byId.remove(waiter.id());
    bySequence.remove(waiter.sequence());
    byLastSeen.remove(place);
    waiter.identity().ifPresent(identity -> identities.remove(identity, waiter.id()));
    if (!place.inPreQueue()) {
      index.remove(waiter.sequence());
      changes.add(new LineChange.Left(io.queuegate.domain.mirror.Place.line(waiter.sequence())));
      return;
    }
    changes.add(new LineChange.Left(io.queuegate.domain.mirror.Place.preQueue(waiter.sequence())));
    preQueue.remove(place.entrant);
    unscored.remove(place.entrant);
    if (place.slot > 0) {
      shuffled.remove(place.slot);
    }
  }

  /** Up to {@code limit} places last seen before {@code silentSince}, longest silent first. */
  List<Place> silentBefore(Instant silentSince, int limit) {
    List<Place> silent = new ArrayList<>();
    Iterator<Place> it = byLastSeen.iterator();
    while (silent.size() < limit && it.hasNext()) {
      Place place = it.next();
      if (!place.lastSeen.isBefore(silentSince)) {
        break;
      }
      silent.add(place);
    }
    return silent;
  }

  /** When the earliest waiter still in line joined, or empty for an empty line. */
  Optional<Instant> oldestJoinedAt() {
    if (!preQueue.isEmpty()) {
      return Optional.of(preQueue.values().iterator().next().waiter.joinedAt());
    }
    return index.size() == 0
        ? Optional.empty()
        : Optional.of(bySequence.get(index.first()).waiter.joinedAt());
  }

  int size() {
    return byId.size();
  }

  /** The changes made since the last call, oldest first; the line forgets them. */
  List<LineChange> drainChanges() {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<LineChange> out = List.copyOf(changes);
    changes.clear();
    return out;
  }

  /** How many wait in the pre-queue, as {@link #position} counts them. */
  int preQueueSize() {
    return preQueue.size();
  }

  /**
   * Up to {@code max} sequences of first-come waiters above {@code after}, ascending, and whether
   * none is left above them.
   */
  LinePage page(long after, int max) {
    long[] out = new long[Math.min(max, index.size())];
    long rank = index.rank(after);
    int n = 0;
    while (n < out.length && rank + n < index.size()) {
      out[n] = index.select(rank + n + 1);
      n++;
    }
    return new LinePage(Arrays.copyOf(out, n), rank + n >= index.size());
  }

  /** Slots the position index holds, for tests of the memory bound. */
  int indexCapacity() {
    return index.capacity();
  }
}
