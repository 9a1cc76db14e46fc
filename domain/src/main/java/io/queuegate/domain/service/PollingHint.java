package io.queuegate.domain.service;

import io.queuegate.domain.model.QueuePolicy;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Tells a waiter how long to wait before its next status call. */
public final class PollingHint {
  // Polling no later than halfway to the ETA keeps a waiter from sleeping through its turn.
  private static final long MS_PER_ETA_SECOND = 500;

  private final Supplier<RandomGenerator> random;
  // A share of the time left until the waiter may enter: polls thin out far back, where nothing
  // useful changes for minutes, and close in geometrically as readiness nears.
  private final double shareOfWaitUntilReady;
  // Near the head, and for a ready waiter, positions change every second or so; polling faster
  // only adds load.
  private final long nearHeadMs;
  // Far back, nothing useful changes within the ceiling; it applies after the jitter too.
  private final long ceilingMs;
  // Jitter spreads clients that joined together, so their polls do not arrive in waves.
  private final double jitter;
  // Even a waiter at the head never polls more often than this.
  private final long floorMs;

  /** The given shape, jittered by each request thread's own {@link ThreadLocalRandom}. */
  public PollingHint(PollingHintSettings settings) {
    this(ThreadLocalRandom::current, settings);
  }

  /** The default shape, jittered by {@code random}, which every caller shares. */
  public PollingHint(RandomGenerator random) {
    this(random, PollingHintSettings.defaults());
  }

  /** The given shape, jittered by {@code random}, which every caller shares. */
  public PollingHint(RandomGenerator random, PollingHintSettings settings) {
    this(fixed(random), settings);
  }

  private PollingHint(Supplier<RandomGenerator> random, PollingHintSettings settings) {
    this.random = random;
    this.shareOfWaitUntilReady = settings.shareOfWaitUntilReady();
    this.nearHeadMs = settings.nearHead().toMillis();
    this.ceilingMs = settings.ceiling().toMillis();
    this.jitter = settings.jitter();
    this.floorMs = settings.floor().toMillis();
  }

  private static Supplier<RandomGenerator> fixed(RandomGenerator random) {
    Objects.requireNonNull(random);
    return () -> random;
  }

  /**
   * Milliseconds until the next poll for a waiter at {@code position}, in a line whose measured
   * admission rate is {@code measuredRatePerSec} and whose displayed ETA is {@code etaSec}.
   *
   * <p>The wait until ready is reckoned at the faster of the measured and the configured rate. The
   * admission limiter keeps the line from moving faster than the configured rate for long, so the
   * hint never sleeps past the waiter's turn; the measured rate alone runs low while a sale is
   * young (its windows are not yet full), and a waiter who trusted it would wake after its turn,
   * leaving the ready window empty and admission capacity unused.
   *
   * <p>Whatever else it says, the hint is at most a third of the event's heartbeat timeout ({@link
   * HeartbeatCadence#longestWait}), so a waiter that follows it is never reaped, even after two
   * lost polls; this cap wins over the floor.
   */
  public long pollAfterMs(
      long position, QueuePolicy policy, double measuredRatePerSec, long etaSec) {
    double fastest = Math.max(measuredRatePerSec, policy.admissionRatePerSec());
    long hint = pollAfterMs(position, policy.readyWindow(), fastest, etaSec);
    return Math.min(hint, HeartbeatCadence.longestWait(policy.heartbeatTimeout()).toMillis());
  }

  /** The same with the rate already chosen; {@code ratePerSec} at most 0 means unknown. */
  long pollAfterMs(long position, long readyWindow, double ratePerSec, long etaSec) {
    long eta = Math.max(0, etaSec);
    double shareMs = shareOfWaitUntilReady * untilReadyMs(position, readyWindow, ratePerSec);
    long base = Math.max(nearHeadMs, Math.min(ceilingMs, Math.round(shareMs)));
    double factor = 1 + jitter * (2 * random.get().nextDouble() - 1);
    long jittered = Math.min(ceilingMs, Math.round(base * factor));
    long halfEta = eta >= ceilingMs / MS_PER_ETA_SECOND ? ceilingMs : eta * MS_PER_ETA_SECOND;
    return Math.max(floorMs, Math.min(jittered, halfEta));
  }

  /**
   * Only the places beyond the ready window stand between the waiter and entry. A waiter already
   * within the window gets 0: it is about to enter.
   */
  private static double untilReadyMs(long position, long readyWindow, double ratePerSec) {
    long window = Math.max(0, readyWindow);
    if (position <= window) {
      return 0;
    }
    if (!(ratePerSec > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return (position - window) / ratePerSec * 1000.0;
  }
}
