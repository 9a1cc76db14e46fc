package io.queuegate.adapter.memory;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** One event's line: places by id and by sequence, heartbeat order, identities and positions. */
final class Line {

  /** A waiter and its last heartbeat. */
  static final class Place {
    final Waiter waiter;
    private Instant lastSeen;

    private Place(Waiter waiter, Instant lastSeen) {
      this.waiter = waiter;
      this.lastSeen = lastSeen;
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
    Waiter waiter =
        new Waiter(
            eventId, newWaiter.id(), ++lastSequence, newWaiter.userId(), newWaiter.identity(), now);
    Place place = new Place(waiter, now);
    byId.put(waiter.id(), place);
    bySequence.put(waiter.sequence(), place);
    byLastSeen.add(place);
    newWaiter.identity().ifPresent(identity -> identities.put(identity, waiter.id()));
    index.add(waiter.sequence());
    return place;
  }

  /** Position 1 is the head: 1 + the waiters still in line with a smaller sequence. */
  long position(Place place) {
    return index.rank(place.waiter.sequence());
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
    index.remove(waiter.sequence());
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

  /** When the head of the line joined, or empty for an empty line. */
  Optional<Instant> oldestJoinedAt() {
    return size() == 0
        ? Optional.empty()
        : Optional.of(bySequence.get(index.first()).waiter.joinedAt());
  }

  int size() {
    return byId.size();
  }

  /** Slots the position index holds, for tests of the memory bound. */
  int indexCapacity() {
    return index.capacity();
  }
}
