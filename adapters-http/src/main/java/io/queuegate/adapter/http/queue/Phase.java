package io.queuegate.adapter.http.queue;

/** The {@code phase} of a join or status answer: in the pre-queue, or in the line. */
final class Phase {
  static final String PRE_QUEUE = "pre_queue";
  static final String LINE = "line";

  private Phase() {}

  static String of(boolean inPreQueue) {
    return inPreQueue ? PRE_QUEUE : LINE;
  }
}
