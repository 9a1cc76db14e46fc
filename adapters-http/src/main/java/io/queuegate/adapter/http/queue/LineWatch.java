package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.StreamPace;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import io.queuegate.domain.push.Departures;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one status stream waits for its next look (docs/design.md#push). When this instance mirrors
 * the waiter's event, the stream sleeps until enough waiters have left for it to be ready, or until
 * its paced deadline: its {@code poll_after_ms}, never longer than the resend interval or a third
 * of the heartbeat timeout, because each look is also its heartbeat. Otherwise, and in the
 * pre-queue (whose opening is not a departure), it keeps the timer of {@link
 * PushSettings#checkEvery()}.
 */
final class LineWatch {
  // A floor for the paced wait, as PushSettings has for the timer: no stream spins.
  private static final Duration SHORTEST_WAIT = Duration.ofMillis(100);

  private final Departures departures;
  private final DescribeStreamPaceUseCase paces;
  private final PushSettings settings;
  private final StreamPacer pacer;
  private final Optional<EventId> event;
  private OptionalLong seen = OptionalLong.empty();

  LineWatch(
      Departures departures,
      DescribeStreamPaceUseCase paces,
      PushSettings settings,
      StreamPacer pacer,
      Optional<EventId> event) {
    this.departures = departures;
    this.paces = paces;
    this.settings = settings;
    this.pacer = pacer;
    this.event = event;
  }

  /**
   * Notes the departures seen just before a status is computed. The status includes at least these,
   * so a target counted from them is never beyond the departure that makes the waiter ready.
   */
  void beforeLook() {
    seen = event.isPresent() ? departures.seen(event.get()) : OptionalLong.empty();
  }

  /** Waits until the next look is due after {@code last} was computed. */
  void awaitNext(WaiterStatus last) throws InterruptedException {
    if (seen.isEmpty() || last.inPreQueue()) {
      pacer.pause(settings.checkEvery());
      return;
    }
    StreamPace pace;
    try {
      pace = paces.pace(event.orElseThrow());
    } catch (StoreUnavailableException e) {
      pacer.pause(settings.checkEvery());
      return;
    }
    Duration wait = pacedWait(last, pace);
    if (last.readyForEntry()) {
      // Nothing more to become: only the paced updates of its position remain.
      pacer.pause(wait);
      return;
    }
    // Each departure moves a waiter up by at most one place.
    long target = seen.getAsLong() + Math.max(1, last.position() - pace.readyWindow());
    // Whatever woke it (the target, the deadline, a dropped mirror), the stream looks again; after
    // a drop, the next look finds the event unknown and goes back to the timer.
    departures.await(event.orElseThrow(), target, wait);
  }

  private Duration pacedWait(WaiterStatus last, StreamPace pace) {
    Duration wait = Duration.ofMillis(last.pollAfterMs());
    for (Duration cap : new Duration[] {settings.resendEvery(), pace.longestWait()}) {
      wait = cap.compareTo(wait) < 0 ? cap : wait;
    }
    return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait;
  }
}
