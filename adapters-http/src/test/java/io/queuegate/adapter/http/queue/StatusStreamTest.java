package io.queuegate.adapter.http.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.Answers;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.push.Departures;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusStreamTest {
  private static final EventId EVENT = new EventId("sale");
  private static final PushSettings SETTINGS =
      new PushSettings(10, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(5));

  private final QueueStatusUseCase status = mock(QueueStatusUseCase.class);
  private final ManualPacer pacer = new ManualPacer();
  private final List<String> events = new ArrayList<>();
  private final DescribeStreamPaceUseCase paces = mock(DescribeStreamPaceUseCase.class);
  // Not mirrored here: the stream keeps its timer.
  private final StatusStream stream =
      new StatusStream(
          status,
          SETTINGS,
          pacer,
          new LineWatch(Departures.NONE, paces, SETTINGS, pacer, Optional.of(EVENT)));

  private static WaiterStatus at(long position, boolean ready) {
    return Answers.status(position, position * 2, 0, ready, 1000);
  }

  private void record(String name, String json) {
    events.add(name + " " + json.replaceAll(".*\"position\":(\\d+).*", "$1"));
  }

  @Test
  void positionChanges_areSentAndUnchangedChecksAreNot() {
    when(status.status("t"))
        .thenReturn(at(5, false), at(5, false), at(4, false))
        .thenThrow(new WaiterNotFound());

    stream.run("t", at(5, false), this::record);

    assertThat(events).containsExactly("status 5", "status 4");
    assertThat(pacer.pauses).isEqualTo(4);
  }

  @Test
  void becomingReady_sendsStatusThenReadyOnce() {
    when(status.status("t"))
        .thenReturn(at(2, false), at(1, true), at(1, true))
        .thenThrow(new WaiterNotFound());

    stream.run("t", at(3, false), this::record);

    assertThat(events).containsExactly("status 3", "status 2", "status 1", "ready 1");
  }

  @Test
  void theOpening_isSentEvenWhenThePositionStaysTheSame() {
    WaiterStatus waiting =
        new WaiterStatus(
            1, 60, 0, false, 1000, 60, 60, true, Optional.of(Instant.EPOCH), Answers.STORE);
    WaiterStatus opened =
        new WaiterStatus(
            1, 0, 0, false, 1000, 0, 0, false, Optional.of(Instant.EPOCH), Answers.STORE);
    when(status.status("t")).thenReturn(waiting, opened).thenThrow(new WaiterNotFound());

    stream.run("t", waiting, (name, json) -> events.add(name + " " + json.contains("pre_queue")));

    assertThat(events).containsExactly("status true", "status false");
  }

  @Test
  void readyAtTheStart_sendsReadyAtOnce() {
    when(status.status("t")).thenThrow(new WaiterNotFound());

    stream.run("t", at(1, true), this::record);

    assertThat(events).containsExactly("status 1", "ready 1");
  }

  @Test
  void unchangedStatus_isResentEveryFifteenSeconds() {
    var answers = when(status.status("t"));
    for (int i = 0; i < 30; i++) {
      answers = answers.thenReturn(at(9, false));
    }
    answers.thenThrow(new WaiterNotFound());

    stream.run("t", at(9, false), this::record);

    // 30 checks one second apart after the first event: resent at 15 s and 30 s.
    assertThat(events).containsExactly("status 9", "status 9", "status 9");
  }

  @Test
  void storeOutage_keepsTheStreamAndTheNextCheckCarriesOn() {
    when(status.status("t"))
        .thenThrow(new StoreUnavailableException("down", null))
        .thenReturn(at(3, false))
        .thenThrow(new WaiterNotFound());

    stream.run("t", at(4, false), this::record);

    assertThat(events).containsExactly("status 4", "status 3");
  }

  @Test
  void clientGone_endsTheStreamWithoutFurtherChecks() {
    when(status.status("t")).thenReturn(at(3, false));

    stream.run(
        "t",
        at(4, false),
        (name, json) -> {
          events.add(name);
          if (events.size() == 2) {
            throw new UncheckedIOException(new java.io.IOException("broken pipe"));
          }
        });

    assertThat(events).containsExactly("status", "status");
    assertThat(pacer.pauses).isEqualTo(1);
  }

  /** Time moves only when the stream pauses, so no test waits on a real clock. */
  private static final class ManualPacer implements StreamPacer {
    long nanos;
    int pauses;

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public void pause(Duration duration) {
      pauses++;
      nanos += duration.toNanos();
    }
  }
}
