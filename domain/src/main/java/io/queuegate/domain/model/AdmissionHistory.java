package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An event's recent admissions for the ETA: how many fell in each {@link #SLOT} of the longest ETA
 * window, newest first, and how long ago the oldest of them happened (zero when there is none).
 * Slot {@code i} holds the admissions in {@code (now - (i + 1) * SLOT, now - i * SLOT]}.
 */
public record AdmissionHistory(List<Long> slots, Duration age) {
  /** The length of one slot. */
  public static final Duration SLOT = Duration.ofSeconds(15);

  /** How many slots cover the longest ETA window. */
  public static final int SLOTS = (int) AdmissionWindows.LONGEST.dividedBy(SLOT);

  // Slots per window, worked out once: Duration.dividedBy goes through BigDecimal, and the ETA
  // asks for the windows on every status call.
  private static final int[] SLOTS_PER_WINDOW =
      AdmissionWindows.SPANS.stream().mapToInt(span -> (int) span.dividedBy(SLOT)).toArray();

  /** An event without admissions in the longest window. */
  public static final AdmissionHistory NONE =
      new AdmissionHistory(Collections.nCopies(SLOTS, 0L), Duration.ZERO);

  public AdmissionHistory {
    slots = List.copyOf(slots);
    Objects.requireNonNull(age);
    if (slots.size() != SLOTS) {
      throw new IllegalArgumentException("one count per slot: " + slots.size());
    }
    if (age.isNegative() || age.compareTo(AdmissionWindows.LONGEST) > 0) {
      throw new IllegalArgumentException("age outside the longest window: " + age);
    }
    for (long count : slots) {
      if (count < 0) {
        throw new IllegalArgumentException("negative count: " + slots);
      }
    }
  }

  /** The counts over the ETA's sliding windows: each window is a whole number of slots. */
  public AdmissionWindows windows() {
    return new AdmissionWindows(
        sum(SLOTS_PER_WINDOW[0]), sum(SLOTS_PER_WINDOW[1]), sum(SLOTS_PER_WINDOW[2]));
  }

  private long sum(int newestSlots) {
    long total = 0;
    for (int i = 0; i < newestSlots; i++) {
      total += slots.get(i);
    }
    return total;
  }
}
