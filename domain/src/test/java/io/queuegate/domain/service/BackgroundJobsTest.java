package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {
  private static final Duration OFTEN = Duration.ofMillis(1);
  private static final Duration NEVER_IN_A_TEST = Duration.ofHours(1);

  private final WaitingLine line = mock(WaitingLine.class);
  private final HeartbeatCoalescer coalescer = new HeartbeatCoalescer(line, Clock.systemUTC());
  private final Reaper reaper =
      new Reaper(
          line,
          new PolicyCatalog(
              mock(EventPolicies.class), QueuePolicy.defaults(), Clock.systemUTC(), OFTEN),
          QueueMetrics.NONE,
          Clock.systemUTC(),
          100,
          new SilenceRule(
              coalescer,
              new StoreOutages(Clock.systemUTC()),
              Duration.ofSeconds(2),
              Duration.ofMinutes(30)),
          4);

  @Test
  void started_flushesHeartbeatsAgainAndAgain() throws InterruptedException {
    CountDownLatch flushes = new CountDownLatch(3);
    doAnswer(
            call -> {
              flushes.countDown();
              coalescer.record(EVENT, WaiterId.random());
              return null;
            })
        .when(line)
        .touch(any(), any(), any());
    coalescer.record(EVENT, WaiterId.random());

    try (BackgroundJobs jobs = new BackgroundJobs(coalescer, reaper, OFTEN, NEVER_IN_A_TEST)) {
      jobs.start();

      assertThat(flushes.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void failingReaperPass_doesNotStopTheSchedule() throws InterruptedException {
    CountDownLatch passesAfterFailure = new CountDownLatch(2);
    when(line.activeEvents())
        .thenThrow(new IllegalStateException("broken pass"))
        .thenAnswer(
            call -> {
              passesAfterFailure.countDown();
              return Set.of();
            });

    try (BackgroundJobs jobs = new BackgroundJobs(coalescer, reaper, NEVER_IN_A_TEST, OFTEN)) {
      jobs.start();

      assertThat(passesAfterFailure.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void close_flushesPendingHeartbeatsOnceAndIsIdempotent() {
    RecordedTouches touches = RecordedTouches.on(line);
    BackgroundJobs jobs = new BackgroundJobs(coalescer, reaper, NEVER_IN_A_TEST, NEVER_IN_A_TEST);
    jobs.start();
    WaiterId waiter = WaiterId.random();
    coalescer.record(EVENT, waiter);

    jobs.close();
    coalescer.record(EVENT, WaiterId.random());
    jobs.close();

    assertThat(touches.all()).hasSize(1);
    assertThat(touches.all().getFirst().ids()).containsExactly(waiter);
  }

  @Test
  void startAfterClose_isIgnored() {
    BackgroundJobs jobs = new BackgroundJobs(coalescer, reaper, OFTEN, OFTEN);
    jobs.close();

    assertThatCode(jobs::start).doesNotThrowAnyException();
  }

  @Test
  void reaperPassThatNeverEnds_doesNotHoldTheFlushBack() throws InterruptedException {
    CountDownLatch passStarted = new CountDownLatch(1);
    CountDownLatch passMayEnd = new CountDownLatch(1);
    when(line.activeEvents())
        .thenAnswer(
            call -> {
              passStarted.countDown();
              passMayEnd.await(30, TimeUnit.SECONDS);
              return Set.of();
            });
    CountDownLatch flushesDuringThePass = new CountDownLatch(3);
    doAnswer(
            call -> {
              if (passStarted.getCount() == 0) {
                flushesDuringThePass.countDown();
              }
              coalescer.record(EVENT, WaiterId.random());
              return null;
            })
        .when(line)
        .touch(any(), any(), any());
    coalescer.record(EVENT, WaiterId.random());

    try (BackgroundJobs jobs = new BackgroundJobs(coalescer, reaper, OFTEN, OFTEN)) {
      jobs.start();

      assertThat(passStarted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(flushesDuringThePass.await(10, TimeUnit.SECONDS)).isTrue();
      passMayEnd.countDown();
    }
  }
}
