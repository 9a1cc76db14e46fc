package io.queuegate.it;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;

/**
 * Heap after a full collection and live platform threads of this JVM, where the in-process service
 * runs, without the test client's threads. Virtual request threads are not counted; a pile-up of
 * those shows as latency and requests in flight.
 */
record JvmGauge(long heapAfterGcBytes, int threads) {
  // The test's own client and load threads share this JVM; they are not the service's.
  private static final List<String> CLIENT_SIDE =
      List.of(
          "HttpClient-",
          "failover-load",
          "outage-load",
          "crash-load",
          "soak-",
          "honest",
          "open-load",
          "delay-proxy",
          "ForkJoinPool.commonPool");

  static JvmGauge sample() {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new JvmGauge(used, threadsNow());
  }

  /** Live platform threads now, without the test client's own. */
  static int threadsNow() {
    return (int) serviceThreads().count();
  }

  private static Stream<Thread> serviceThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> CLIENT_SIDE.stream().noneMatch(p -> t.getName().startsWith(p)));
  }

  String describe() {
    return (heapAfterGcBytes / (1024 * 1024)) + " MiB heap after GC, " + threads + " threads";
  }
}
