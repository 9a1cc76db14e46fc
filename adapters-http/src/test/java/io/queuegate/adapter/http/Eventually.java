package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for a condition that another thread makes true. Request metrics are recorded once the
 * response is on the wire, so a client can read them a moment before the server has.
 */
final class Eventually {
  private Eventually() {}

  static String await(Supplier<String> value, String... expectedParts) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String current = value.get();
    while (!containsAll(current, expectedParts) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
      current = value.get();
    }
    assertThat(current).contains(expectedParts);
    return current;
  }

  private static boolean containsAll(String text, String... parts) {
    for (String part : parts) {
      if (!text.contains(part)) {
        return false;
      }
    }
    return true;
  }
}
