package io.queuegate.it;

import java.time.Duration;

/**
 * Whether the drills run in their short form (every {@code scripts/test}, CI) or their full form
 * ({@code scripts/drills}). Chosen by the system property {@code drill.mode}; the soak's length can
 * be set on its own with {@code QUEUEGATE_DRILL_SOAK} (ISO-8601, e.g. {@code PT1M}).
 */
record DrillMode(boolean full) {
  static DrillMode current() {
    return new DrillMode("full".equalsIgnoreCase(System.getProperty("drill.mode", "short")));
  }

  /** The short value in the short form, the full value in the full form. */
  <T> T pick(T shortForm, T fullForm) {
    return full ? fullForm : shortForm;
  }

  Duration soak() {
    String override = System.getenv("QUEUEGATE_DRILL_SOAK");
    if (override == null || override.isBlank()) {
      override = System.getProperty("drill.soak", "");
    }
    if (!override.isBlank()) {
      return Duration.parse(override.trim());
    }
    return pick(Duration.ofMinutes(1), Duration.ofMinutes(10));
  }

  String label() {
    return full ? "full" : "short";
  }
}
