package io.queuegate.domain.log;

/** One way a log fails a check: the record it concerns (0 for the log as a whole) and why. */
public record Finding(long seq, String problem) {
  @Override
  public String toString() {
    return seq > 0 ? "record " + seq + ": " + problem : problem;
  }
}
