import io.queuegate.adapter.jwt.JwtEtaStamps;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * Bench-only: waiting tokens for waiters written by bench/redis/seed.lua, stamped with their sealed
 * place (docs/design.md#line-mirror) by the service's own {@link JwtEtaStamps} under the session
 * secret the bench gives the service, as a first-come join through the service would stamp them.
 * Usage (classpath: domain and adapters-jwt classes): java SealedTokens.java SECRET EVENT SIZE
 * COUNT JOINED_MS [FORMAT]: COUNT tokens of random waiters 1..SIZE (seed 42), one a line.
 */
public final class SealedTokens {
  public static void main(String[] args) {
    JwtEtaStamps stamps = JwtEtaStamps.from(Optional.of(args[0]));
    EventId event = new EventId(args[1]);
    long size = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    // seed.lua writes the join time in milliseconds; the stamp seals it to the second.
    Instant joined = Instant.ofEpochSecond(Long.parseLong(args[4]) / 1000);
    String format = args.length > 5 ? args[5] : "b%021d";
    Random random = new Random(42);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      long seq = 1 + (long) (random.nextDouble() * size);
      WaitingToken token = new WaitingToken(event, new WaiterId(String.format(format, seq)));
      out.append(token.encode(stamps.stamp(token, 60, new SealedPlace(seq, joined)))).append('\n');
    }
    System.out.print(out);
  }
}
