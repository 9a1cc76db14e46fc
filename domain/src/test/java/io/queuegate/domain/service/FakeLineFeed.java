package io.queuegate.domain.service;

import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedEntry;
import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.FeedGap;
import io.queuegate.domain.port.out.LineFeed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A line's feed that tests write: entries appended with {@link #append} change the line the pages
 * show, {@link #trimTo} forgets old entries (a read from before them is a gap), and {@link #down}
 * makes every call fail as a store outage would. Counts its calls.
 */
final class FakeLineFeed implements LineFeed {
  private final Clock clock;
  private final List<FeedEntry> entries = new ArrayList<>();
  private final TreeSet<Long> line = new TreeSet<>();
  private long preQueue;
  private long trimmedBelow = 1;
  boolean down;
  int heads;
  int pages;
  int reads;

  FakeLineFeed(Clock clock) {
    this.clock = clock;
  }

  /** Appends one entry at the next version, written now. */
  synchronized long append(LineChange... changes) {
    long version = version() + 1;
    entries.add(new FeedEntry(version, clock.instant(), List.of(changes)));
    for (LineChange change : changes) {
      switch (change) {
        case LineChange.Joined j -> line.add(j.seq());
        case LineChange.JoinedPreQueue j -> preQueue++;
        case LineChange.Left l when l.place().kind() == Place.Kind.LINE ->
            line.remove(l.place().key());
        case LineChange.Left l -> preQueue--;
        case LineChange.Opened o -> {}
      }
    }
    return version;
  }

  /** Forgets every entry below {@code version}. */
  synchronized void trimTo(long version) {
    trimmedBelow = version;
  }

  synchronized long version() {
    return entries.isEmpty() ? 0 : entries.getLast().version();
  }

  @Override
  public synchronized FeedHead head(EventId eventId) {
    check();
    heads++;
    return new FeedHead(version(), preQueue);
  }

  @Override
  public synchronized LinePage page(EventId eventId, long afterSequence, int max) {
    check();
    pages++;
    List<Long> above = new ArrayList<>(line.tailSet(afterSequence, false));
    List<Long> page = above.subList(0, Math.min(max, above.size()));
    return new LinePage(page.stream().mapToLong(Long::longValue).toArray(), above.size() <= max);
  }

  @Override
  public synchronized FeedBatch read(EventId eventId, long after, int max) {
    check();
    reads++;
    if (after + 1 < trimmedBelow && after < version()) {
      throw new FeedGap("trimmed below " + trimmedBelow);
    }
    return new FeedBatch(entries.stream().filter(e -> e.version() > after).limit(max).toList());
  }

  private void check() {
    if (down) {
      throw new StoreUnavailableException("the store is down", null);
    }
  }
}
