import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.service.PollingHint;
import java.util.SplittableRandom;

/**
 * Bench-only: the status requests per second that a line of N waiters sends when every waiter
 * follows {@code poll_after_ms}, from the service's own {@link PollingHint} (docs/scaling.md).
 *
 * <p>Each position draws one jittered hint; the line's rate is the sum of 1 / hint over its
 * positions (each waiter polls once per hint). Args: waiters, admission rate per second, ready
 * window.
 */
public final class PollRate {
  private PollRate() {}

  public static void main(String[] args) {
    long waiters = args.length > 0 ? Long.parseLong(args[0]) : 14_000_000L;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 1_000;
    long window = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
    QueuePolicy policy =
        QueuePolicy.builder().readyWindow(window).admissionRatePerSec(rate).build();
    PollingHint hint = new PollingHint(new SplittableRandom(42));
    double perSecond = 0;
    double nearHead = 0;
    long atCeiling = 0;
    for (long position = 1; position <= waiters; position++) {
      long etaSec = (long) Math.ceil(Math.max(0, position - window) / rate);
      long ms = hint.pollAfterMs(position, policy, rate, etaSec);
      perSecond += 1000.0 / ms;
      if (ms >= 24_000) {
        atCeiling++;
      } else {
        nearHead += 1000.0 / ms;
      }
    }
    System.out.printf(
        "waiters=%d rate=%.0f/s window=%d requests/s=%.0f mean interval s=%.2f"
            + " near-head requests/s (hint < 24 s)=%.0f waiters at the ceiling=%d%n",
        waiters, rate, window, perSecond, waiters / perSecond, nearHead, atCeiling);
  }
}
