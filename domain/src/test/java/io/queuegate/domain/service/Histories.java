package io.queuegate.domain.service;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Admission histories for the ETA tests. */
final class Histories {
  private Histories() {}

  /** {@code perSecond} admissions every second for the last {@code seconds} seconds. */
  static AdmissionHistory steady(double perSecond, int seconds) {
    List<Long> slots = new ArrayList<>();
    long slotSec = AdmissionHistory.SLOT.toSeconds();
    for (int i = 0; i < AdmissionHistory.SLOTS; i++) {
      long covered = Math.max(0, Math.min(slotSec, seconds - i * slotSec));
      slots.add(Math.round(perSecond * covered));
    }
    long age = Math.min(seconds, AdmissionWindows.LONGEST.toSeconds());
    return new AdmissionHistory(slots, Duration.ofSeconds(age));
  }

  /** The history a store would report at {@code now} for admissions at {@code times}. */
  static AdmissionHistory of(Collection<Instant> times, Instant now) {
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < AdmissionHistory.SLOTS; i++) {
      Instant newer = now.minus(AdmissionHistory.SLOT.multipliedBy(i));
      Instant older = newer.minus(AdmissionHistory.SLOT);
      slots.add(times.stream().filter(t -> t.isAfter(older) && !t.isAfter(newer)).count());
    }
    Instant oldest =
        times.stream()
            .filter(t -> t.isAfter(now.minus(AdmissionWindows.LONGEST)) && !t.isAfter(now))
            .min(Instant::compareTo)
            .orElse(now);
    return new AdmissionHistory(slots, Duration.between(oldest, now));
  }
}
