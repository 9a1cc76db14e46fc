package io.queuegate.adapter.memory;

import java.time.Instant;
import java.util.Arrays;

/**
 * The instants of an event's recent admissions, kept sorted in one array so that counting a window
 * is one binary search and dropping old ones moves a head index.
 */
final class AdmissionTimes {
  private static final int MIN_LENGTH = 8;

  private long[] nanos = new long[MIN_LENGTH];
  private int head;
  private int tail;

  void add(Instant at) {
    if (tail == nanos.length) {
      makeRoom();
    }
    long value = toNanos(at);
    // Instances' clocks may disagree a little, so an instant can arrive slightly out of order.
    int i = tail;
    while (i > head && nanos[i - 1] > value) {
      nanos[i] = nanos[i - 1];
      i--;
    }
    nanos[i] = value;
    tail++;
  }

  /** How many admissions happened strictly after {@code cutoff}. */
  long countAfter(Instant cutoff) {
    return tail - firstAfter(cutoff);
  }

  /** The earliest admission strictly after {@code cutoff}, or null when there is none. */
  Instant earliestAfter(Instant cutoff) {
    int first = firstAfter(cutoff);
    if (first == tail) {
      return null;
    }
    long value = nanos[first];
    return Instant.ofEpochSecond(
        Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
  }

  private int firstAfter(Instant cutoff) {
    long value = toNanos(cutoff);
    int low = head;
    int high = tail;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (nanos[mid] <= value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Forgets admissions at or before {@code cutoff}. */
  void dropUpTo(Instant cutoff) {
    long value = toNanos(cutoff);
    while (head < tail && nanos[head] <= value) {
      head++;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
      if (nanos.length > MIN_LENGTH) {
        nanos = new long[MIN_LENGTH];
      }
    }
  }

  int size() {
    return tail - head;
  }

  private void makeRoom() {
    int size = tail - head;
    int length = size * 2 <= nanos.length ? nanos.length : nanos.length * 2;
    nanos = Arrays.copyOfRange(nanos, head, head + length);
    head = 0;
    tail = size;
  }

  private static long toNanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }
}
