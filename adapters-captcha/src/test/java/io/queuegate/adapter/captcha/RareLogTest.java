package io.queuegate.adapter.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RareLogTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final RareLog log =
      new RareLog(System.getLogger(RareLogTest.class.getName()), 100, nanos::get);

  @Test
  void oneLinePerInterval_theRestHeldBack() {
    assertThat(log.log(Level.DEBUG, "first")).isTrue();
    assertThat(log.log(Level.DEBUG, "second")).isFalse();
    nanos.addAndGet(99);
    assertThat(log.log(Level.DEBUG, "third")).isFalse();
    nanos.addAndGet(1);
    assertThat(log.log(Level.DEBUG, "fourth")).isTrue();
  }
}
