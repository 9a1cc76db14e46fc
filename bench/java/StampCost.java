import io.queuegate.adapter.jwt.JwtEtaStamps;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.time.Instant;
import java.util.Optional;

/**
 * Bench-only: what verifying a sealed place costs a status call (docs/benchmarks.md#mirror-at-work):
 * {@link JwtEtaStamps#placeOf} on one token, 1,000,000 times a round, 6 rounds, one thread.
 * Usage (classpath: domain and adapters-jwt classes): java StampCost.java
 */
public final class StampCost {
  public static void main(String[] args) {
    JwtEtaStamps stamps = JwtEtaStamps.from(Optional.of("bench-session-secret-of-at-least-32-bytes"));
    WaitingToken token =
        new WaitingToken(new EventId("bench-line"), new WaiterId(String.format("b%021d", 42)));
    String raw =
        token.encode(
            stamps.stamp(token, 60, new SealedPlace(42, Instant.ofEpochSecond(1_700_000_000))));
    long sink = 0;
    int n = 1_000_000;
    for (int round = 0; round < 6; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += stamps.placeOf(raw).orElseThrow().sequence();
      }
      System.out.printf("placeOf %.0f ns%n", (System.nanoTime() - t0) / (double) n);
    }
    System.out.println(sink == 42L * n * 6 ? "checked" : "wrong");
  }
}
