package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotReadyTest {

  @Test
  void beyondWindow_retriesWhenTheLineShouldHaveMovedTheWaiterIn() {
    NotReady notReady = NotReady.beyondWindow(150, 100, 10);

    assertThat(notReady.reason()).isEqualTo(NotReady.Reason.BEYOND_READY_WINDOW);
    assertThat(notReady.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(notReady.getMessage()).contains("ready window");
  }

  @Test
  void beyondWindow_roundsUpAndStaysBetweenOneAndThirtySeconds() {
    assertThat(NotReady.beyondWindow(101, 100, 3).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(NotReady.beyondWindow(111, 100, 2).retryAfter()).isEqualTo(Duration.ofSeconds(6));
    assertThat(NotReady.beyondWindow(100_000, 100, 1).retryAfter())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(NotReady.beyondWindow(200, 100, 0).retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void noCapacity_retriesWhenTheLimiterAllowsAtLeastOneSecondOn() {
    assertThat(NotReady.noCapacity(Duration.ofMillis(20)).retryAfter())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(NotReady.noCapacity(Duration.ofMillis(2_100)).retryAfter())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(NotReady.noCapacity(Duration.ZERO).reason()).isEqualTo(NotReady.Reason.NO_CAPACITY);
  }

  @Test
  void maxActive_retriesAtTheEarliestExpiryCappedAtThirtySeconds() {
    NotReady notReady = NotReady.maxActive(Duration.ofSeconds(45));

    assertThat(notReady.reason()).isEqualTo(NotReady.Reason.MAX_ACTIVE);
    assertThat(notReady.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(NotReady.maxActive(Duration.ofMillis(7_500)).retryAfter())
        .isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void paused_retriesInFiveSecondsAndSaysSo() {
    NotReady notReady = NotReady.paused();

    assertThat(notReady.reason()).isEqualTo(NotReady.Reason.ADMISSION_PAUSED);
    assertThat(notReady.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(notReady.getMessage()).isEqualTo("admission is paused");
  }

  @Test
  void cappedAt_asksBackWithinTheCapInWholeSecondsAndAtLeastOne() {
    NotReady far = NotReady.beyondWindow(100_000, 100, 1);

    assertThat(far.cappedAt(Duration.ofMillis(6_666)).retryAfter())
        .isEqualTo(Duration.ofSeconds(6));
    assertThat(far.cappedAt(Duration.ofMillis(6_666)).reason())
        .isEqualTo(NotReady.Reason.BEYOND_READY_WINDOW);
    assertThat(NotReady.paused().cappedAt(Duration.ofMillis(500)).retryAfter())
        .isEqualTo(Duration.ofSeconds(1));
    NotReady soon = NotReady.noCapacity(Duration.ofMillis(1_500));
    assertThat(soon.cappedAt(Duration.ofSeconds(100))).isSameAs(soon);
  }
}
