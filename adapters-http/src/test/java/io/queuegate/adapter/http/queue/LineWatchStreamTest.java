package io.queuegate.adapter.http.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.Answers;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.StreamPace;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.push.Departures;
import io.queuegate.domain.push.Wake;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A status stream whose event this instance mirrors: it waits on the departures, not a timer. */
class LineWatchStreamTest {
  private static final EventId EVENT = new EventId("sale");
  private static final PushSettings SETTINGS =
      new PushSettings(10, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(5));

  private final QueueStatusUseCase status = mock(QueueStatusUseCase.class);
  private final DescribeStreamPaceUseCase paces = mock(DescribeStreamPaceUseCase.class);
  private final ManualPacer pacer = new ManualPacer();
  private final ScriptedDepartures line = new ScriptedDepartures();
  private final List<String> events = new ArrayList<>();
  private final LineWatch watch = new LineWatch(line, paces, SETTINGS, pacer, Optional.of(EVENT));
  private final StatusStream stream = new StatusStream(status, SETTINGS, pacer, watch);

  @BeforeEach
  void windowOfHundred() {
    when(paces.pace(EVENT)).thenReturn(new StreamPace(100, Duration.ofSeconds(20)));
    line.seen = OptionalLong.of(1_000);
  }

  private static WaiterStatus at(long position, boolean ready, long pollAfterMs) {
    return Answers.status(position, position, 0, ready, pollAfterMs);
  }

  private void record(String name, String json) {
    events.add(name + " " + json.replaceAll(".*\"position\":(\\d+).*", "$1"));
  }

  private void run(WaiterStatus first) {
    watch.beforeLook();
    stream.run("t", first, this::record);
  }

  @Test
  void farBackWaiter_sleepsUntilItCouldBeReadyOrItsResendInterval() {
    line.answers.add(Wake.TIMED_OUT);
    when(status.status("t")).thenReturn(at(480, false, 30_000)).thenThrow(new WaiterNotFound());

    run(at(500, false, 30_000));

    // 400 more departures before position 500 can be within a window of 100; 15 s, the resend
    // interval, is shorter than its poll_after_ms of 30 s.
    assertThat(line.awaits).containsExactly("1400 PT15S", "1380 PT15S");
    assertThat(pacer.pauses).isZero();
    assertThat(events).containsExactly("status 500", "status 480");
  }

  @Test
  void reachingTheTarget_sendsReadyAtOnce() {
    line.answers.add(Wake.REACHED);
    line.afterWake = OptionalLong.of(1_001);
    when(status.status("t")).thenReturn(at(100, true, 1_000)).thenThrow(new WaiterNotFound());

    long[] readyAt = {-1};
    watch.beforeLook();
    stream.run(
        "t",
        at(101, false, 1_000),
        (name, json) -> {
          record(name, json);
          readyAt[0] = name.equals("ready") ? pacer.nanos : readyAt[0];
        });

    assertThat(line.awaits).containsExactly("1001 PT1S");
    assertThat(events).containsExactly("status 101", "status 100", "ready 100");
    assertThat(readyAt[0]).as("no time passed before ready").isZero();
  }

  @Test
  void readyWaiter_getsPacedUpdatesWithoutWaitingOnDepartures() {
    when(status.status("t")).thenReturn(at(2, true, 1_200)).thenThrow(new WaiterNotFound());

    run(at(3, true, 1_200));

    assertThat(line.awaits).isEmpty();
    assertThat(pacer.paused).containsExactly(Duration.ofMillis(1_200), Duration.ofMillis(1_200));
    assertThat(events).containsExactly("status 3", "ready 3", "status 2");
  }

  @Test
  void pacedWait_isNeverLongerThanAThirdOfTheHeartbeatTimeout() {
    when(paces.pace(EVENT)).thenReturn(new StreamPace(100, Duration.ofSeconds(5)));
    when(status.status("t")).thenThrow(new WaiterNotFound());

    run(at(5_000, false, 30_000));

    assertThat(line.awaits).containsExactly("5900 PT5S");
  }

  @Test
  void droppedMirror_fallsBackToTheTimer() {
    line.answers.add(Wake.DROPPED);
    line.afterWake = OptionalLong.empty();
    when(status.status("t"))
        .thenReturn(at(300, false, 5_000), at(299, false, 5_000))
        .thenThrow(new WaiterNotFound());

    run(at(300, false, 5_000));

    assertThat(line.awaits).containsExactly("1200 PT5S");
    assertThat(pacer.paused).containsExactly(SETTINGS.checkEvery(), SETTINGS.checkEvery());
    assertThat(events).containsExactly("status 300", "status 299");
  }

  @Test
  void preQueue_keepsTheTimerBecauseTheOpeningIsNoDeparture() {
    WaiterStatus waiting =
        new WaiterStatus(
            40, 60, 0, false, 30_000, 60, 60, true, Optional.of(Instant.EPOCH), Answers.STORE);
    when(status.status("t")).thenThrow(new WaiterNotFound());

    run(waiting);

    assertThat(line.awaits).isEmpty();
    assertThat(pacer.paused).containsExactly(SETTINGS.checkEvery());
  }

  @Test
  void unreadablePolicy_keepsTheTimerForThatWait() {
    when(paces.pace(EVENT)).thenThrow(new StoreUnavailableException("down", null));
    when(status.status("t")).thenThrow(new WaiterNotFound());

    run(at(500, false, 30_000));

    assertThat(line.awaits).isEmpty();
    assertThat(pacer.paused).containsExactly(SETTINGS.checkEvery());
  }

  /** Departures told by the test; a timed-out wait moves the manual clock by the whole wait. */
  private final class ScriptedDepartures implements Departures {
    OptionalLong seen = OptionalLong.empty();
    OptionalLong afterWake;
    final Deque<Wake> answers = new ArrayDeque<>();
    final List<String> awaits = new ArrayList<>();

    @Override
    public OptionalLong seen(EventId eventId) {
      return seen;
    }

    @Override
    public Wake await(EventId eventId, long target, Duration maxWait) {
      awaits.add(target + " " + maxWait);
      Wake why = answers.isEmpty() ? Wake.TIMED_OUT : answers.poll();
      if (why == Wake.TIMED_OUT) {
        pacer.nanos += maxWait.toNanos();
      }
      if (afterWake != null) {
        seen = afterWake;
      }
      return why;
    }
  }

  /** Time moves only when the stream pauses or waits, so no test waits on a real clock. */
  private static final class ManualPacer implements StreamPacer {
    long nanos;
    int pauses;
    final List<Duration> paused = new ArrayList<>();

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public void pause(Duration duration) {
      pauses++;
      paused.add(duration);
      nanos += duration.toNanos();
    }
  }
}
