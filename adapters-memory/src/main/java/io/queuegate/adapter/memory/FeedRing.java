package io.queuegate.adapter.memory;

import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedEntry;
import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.port.out.FeedGap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One event's change feed (docs/design.md#feed): the last {@code capacity} entries in a ring. The
 * versions come from a counter shared by every event of the store and never reused, so the feed of
 * an event deleted and begun again never repeats a version an old reader holds.
 */
final class FeedRing {
  private static final int FIRST_CAPACITY = 16;

  private final int capacity;
  private final AtomicLong versions;
  // Grows to capacity as entries come, so that a quiet event holds little.
  private FeedEntry[] ring;
  private int start;
  private int size;
  // The version before the oldest entry kept: 0 until the ring first drops one.
  private long floor;

  FeedRing(int capacity, AtomicLong versions) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a feed keeps at least one entry");
    }
    this.capacity = capacity;
    this.versions = versions;
    this.ring = new FeedEntry[Math.min(capacity, FIRST_CAPACITY)];
  }

  /** Appends one entry with the changes of one store step, dropping the oldest when full. */
  void append(List<LineChange> changes, Instant writtenAt) {
    FeedEntry entry = new FeedEntry(versions.incrementAndGet(), writtenAt, changes);
    if (size == ring.length && ring.length < capacity) {
      grow();
    }
    if (size == ring.length) {
      floor = ring[start].version();
      ring[start] = entry;
      start = (start + 1) % ring.length;
    } else {
      ring[(start + size) % ring.length] = entry;
      size++;
    }
  }

  /** The last version written, or 0 before the first entry. */
  long version() {
    return size == 0 ? 0 : at(size - 1).version();
  }

  /** Up to {@code max} entries after version {@code after}; see LineFeed#read. */
  FeedBatch after(long after, int max) {
    long last = version();
    if (after == last) {
      return FeedBatch.EMPTY;
    }
    if (after > last) {
      throw new FeedGap("the feed ends at " + last + ", before " + after);
    }
    int first = firstAbove(after);
    long previous = first == 0 ? floor : at(first - 1).version();
    if (previous != after) {
      throw new FeedGap("the feed no longer holds the entries after " + after);
    }
    int end = (int) Math.min(size, (long) first + max);
    List<FeedEntry> out = new ArrayList<>(end - first);
    for (int i = first; i < end; i++) {
      out.add(at(i));
    }
    return new FeedBatch(out);
  }

  private void grow() {
    FeedEntry[] next = new FeedEntry[(int) Math.min(capacity, 2L * ring.length)];
    for (int i = 0; i < size; i++) {
      next[i] = at(i);
    }
    ring = next;
    start = 0;
  }

  private int firstAbove(long version) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (at(mid).version() <= version) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private FeedEntry at(int i) {
    return ring[(start + i) % ring.length];
  }
}
