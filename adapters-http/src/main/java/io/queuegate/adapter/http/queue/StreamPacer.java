package io.queuegate.adapter.http.queue;

import java.time.Duration;

/** The time source and the wait between checks of a status stream; tests drive it by hand. */
interface StreamPacer {
  /** Monotonic time, in nanoseconds. */
  long nanoTime();

  /** Waits {@code duration}; a stream runs on its own virtual thread, so waiting is cheap. */
  void pause(Duration duration) throws InterruptedException;

  /** The real clock. */
  StreamPacer SYSTEM =
      new StreamPacer() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void pause(Duration duration) throws InterruptedException {
          Thread.sleep(duration);
        }
      };
}
