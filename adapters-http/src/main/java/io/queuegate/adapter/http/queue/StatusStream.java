package io.queuegate.adapter.http.queue;

import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One waiter's event stream. It recomputes the status whenever its {@link LineWatch} says the next
 * look is due (each call is also the waiter's heartbeat): when enough waiters left the mirrored
 * line for it to be ready, at its paced deadline, or once per {@code checkEvery} where the line is
 * not mirrored here. It sends {@code status} when position, readiness or phase changed or {@code
 * resendEvery} has passed, and {@code ready} each time the waiter becomes ready. It ends when the
 * waiter is gone (entered, left, expired) or the client disconnects; the page then polls, which
 * explains the ending.
 */
final class StatusStream {
  private final QueueStatusUseCase status;
  private final PushSettings settings;
  private final StreamPacer pacer;
  private final LineWatch watch;

  StatusStream(
      QueueStatusUseCase status, PushSettings settings, StreamPacer pacer, LineWatch watch) {
    this.status = status;
    this.settings = settings;
    this.pacer = pacer;
    this.watch = watch;
  }

  /**
   * Runs until the waiter is gone, the client disconnects, or the thread is interrupted. {@code
   * first} was computed after the watch's {@link LineWatch#beforeLook()}.
   */
  void run(String token, WaiterStatus first, StreamEmitter out) {
    try {
      WaiterStatus last = first;
      long lastSent = send(out, first, true);
      while (!Thread.currentThread().isInterrupted()) {
        watch.awaitNext(last);
        watch.beforeLook();
        WaiterStatus now;
        try {
          now = status.status(token);
        } catch (StoreUnavailableException e) {
          continue; // a short outage: keep the stream, the next check retries
        } catch (QueueException e) {
          return; // left, entered or expired
        }
        // The opening may leave the position as it was (a pre-queue of one stays first), but the
        // page must hear that the countdown is over.
        boolean changed =
            now.position() != last.position()
                || now.readyForEntry() != last.readyForEntry()
                || now.inPreQueue() != last.inPreQueue();
        if (changed || pacer.nanoTime() - lastSent >= settings.resendEvery().toNanos()) {
          lastSent = send(out, now, !last.readyForEntry());
        }
        last = now;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (UncheckedIOException e) {
      // The client went away; nothing to tell anyone.
    }
  }

  private long send(StreamEmitter out, WaiterStatus now, boolean wasNotReady) {
    String json = new String(Json.write(StatusResponse.from(now)), StandardCharsets.UTF_8);
    out.emit("status", json);
    if (now.readyForEntry() && wasNotReady) {
      out.emit("ready", json);
    }
    return pacer.nanoTime();
  }
}
