package io.queuegate.domain.model;

/** Admission counts over the ETA's sliding windows of 60, 300 and 900 seconds. */
public record AdmissionWindows(long last60s, long last300s, long last900s) {
  public static final AdmissionWindows NONE = new AdmissionWindows(0, 0, 0);
}
