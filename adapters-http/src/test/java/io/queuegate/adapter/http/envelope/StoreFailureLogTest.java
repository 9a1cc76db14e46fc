package io.queuegate.adapter.http.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StoreFailureLogTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final StoreFailureLog log = new StoreFailureLog(Duration.ofSeconds(10), nanos::get);

  @Test
  void firstFailure_isLoggedAtOnce() {
    assertThat(log.lineFor("t1", "RedisCommandTimeoutException: timed out"))
        .contains("store unavailable, trace_id=t1: RedisCommandTimeoutException: timed out");
  }

  @Test
  void failuresWithinTheInterval_areCountedAndReportedOnTheNextLine() {
    log.lineFor("t1", "down");
    for (int i = 0; i < 2_000; i++) {
      nanos.addAndGet(1_000_000); // 2,000 failures over 2 s
      assertThat(log.lineFor("t" + i, "down")).isEmpty();
    }
    nanos.addAndGet(Duration.ofSeconds(8).toNanos());

    assertThat(log.lineFor("t-last", "down"))
        .contains(
            "store unavailable, trace_id=t-last: down"
                + " (2000 more store failures since the last line were not logged)");
    assertThat(log.lineFor("t-next", "down")).isEmpty();
  }
}
