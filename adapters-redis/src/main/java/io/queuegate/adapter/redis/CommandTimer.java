package io.queuegate.adapter.redis;

import java.time.Duration;

/**
 * Where the store reports how long each of its scripts and commands took; the composition root
 * connects it to the metrics registry.
 */
@FunctionalInterface
public interface CommandTimer {

  /** One command (or script, by its file name) and how long it took, reply or failure. */
  void record(String command, Duration took);

  /** A timer that records nothing, for tests and tools. */
  CommandTimer NONE = (command, took) -> {};
}
