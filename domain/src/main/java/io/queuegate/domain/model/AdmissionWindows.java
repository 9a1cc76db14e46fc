package io.queuegate.domain.model;

import java.time.Duration;
import java.util.List;

/** Admission counts over the ETA's sliding windows of 60, 300 and 900 seconds. */
public record AdmissionWindows(long last60s, long last300s, long last900s) {
  public static final AdmissionWindows NONE = new AdmissionWindows(0, 0, 0);

  /** The lengths of the ETA's sliding windows, shortest first; every store counts over these. */
  public static final List<Duration> SPANS =
      List.of(Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofSeconds(900));

  /** The longest window: admissions older than this no longer count. */
  public static final Duration LONGEST = SPANS.get(SPANS.size() - 1);
}
