package io.queuegate.it;

import io.lettuce.core.ScriptOutputType;
import io.queuegate.app.AppSettings;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.WaiterId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes pre-queue entrants straight into Redis in the store's layout (seed_pre_queue.lua), 2,000
 * per script call: a million joins over HTTP would take longer than the bench.
 */
final class RedisSeeder {
  private static final int BATCH = 2_000;

  private final RedisProbe redis;
  private final EventId event;
  private final String base;
  private final boolean legacy;

  RedisSeeder(RedisProbe redis, EventId event, AppSettings settings) {
    this.redis = redis;
    this.event = event;
    this.base = "queue:event:{" + event.value() + "}";
    this.legacy = settings.redis().legacyZset();
  }

  /** Seeds {@code count} entrants, scored as a join would when {@code unscored} is false. */
  Seeded seed(int count, ShuffleState sealed, boolean unscored) {
    String sha = redis.commands().scriptLoad(script());
    ShuffleKey.Scorer atJoin = ShuffleKey.of(sealed.seed(), Optional.empty()).scorer();
    Seeded seeded = new Seeded(count);
    String[] keys = {
      base + ":pre", base + ":pre:new", base, base + ":heartbeat", base + ":stats", base + ":seq"
    };
    String now = Long.toString(System.currentTimeMillis());
    for (int first = 0; first < count; first += BATCH) {
      int n = Math.min(BATCH, count - first);
      List<String> args = new ArrayList<>(4 + 3 * n);
      args.add(base + ":w:");
      args.add(now);
      args.add(legacy ? "1" : "0");
      args.add(Integer.toString(first + 1));
      for (int i = first; i < first + n; i++) {
        WaiterId id = Seeded.waiterId(i);
        EntrantId entrant = EntrantId.of(id);
        seeded.add(i, entrant);
        args.add(id.value());
        args.add(entrant.value());
        args.add(unscored ? "" : Long.toString(atJoin.orderScore(entrant)));
      }
      redis.commands().evalsha(sha, ScriptOutputType.INTEGER, keys, args.toArray(new String[0]));
    }
    redis.commands().zincrby("queuegate:events", count, event.value());
    return seeded;
  }

  private static String script() {
    try (InputStream in = RedisSeeder.class.getResourceAsStream("seed_pre_queue.lua")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
