package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.WaiterId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the line feed's XADD adds to a join and to an admission (docs/benchmarks.md#feed), run by
 * hand: {@code -Dit.test=LineFeedBench} ({@code -Dfeed.bench.calls=N} calls per batch). Each script
 * runs as shipped and as the same script with the feed's two functions stubbed out, in alternating
 * batches on fresh events of one redis-server, so both see the same machine. Prints the server's
 * time per call (INFO commandstats, reset before each batch), the client's median round trip, the
 * time of the XADD and XREVRANGE inside, and the feed's memory per entry.
 */
@ExtendWith(RedisExtension.class)
class LineFeedBench {
  private static final int CALLS = Integer.getInteger("feed.bench.calls", 10_000);
  private static final int ROUNDS = Integer.getInteger("feed.bench.rounds", 5);
  private static final String STUB =
      "local function feed_note(kind, number) end\n"
          + "local function feed_flush(feed_key, max_length) end\n";
  private static final Gcra OPEN = new Gcra(1_000_000, 1_000_000);

  private RedisCommands<String, String> redis;

  @Test
  void feedCostPerJoinAndAdmission() {
    RedisClient client = RedisClient.create("redis://" + RedisServers.standalone().address());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      redis = connection.sync();
      redis.flushall();
      Map<String, String> shas = new TreeMap<>();
      shas.put("join+feed", redis.scriptLoad(Script.JOIN.body()));
      shas.put("join", redis.scriptLoad(stubbed("join", "lib_line", "lib_waiter")));
      shas.put("admit+feed", redis.scriptLoad(Script.ADMIT.body()));
      shas.put("admit", redis.scriptLoad(stubbed("admit", "lib_line", "lib_waiter", "lib_gcra")));
      Map<String, List<double[]>> results = new TreeMap<>();
      for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
        for (String variant : List.of("join", "join+feed")) {
          boolean feed = variant.endsWith("+feed");
          EventId event = new EventId("bench-" + UUID.randomUUID());
          redis.configResetstat();
          double[] joins = joins(shas.get(variant), event, feed);
          double[] admits = admits(shas.get(feed ? "admit+feed" : "admit"), event, joins.length);
          if (round > 0) {
            results.computeIfAbsent(variant, v -> new ArrayList<>()).add(joins);
            results
                .computeIfAbsent(feed ? "admit+feed" : "admit", v -> new ArrayList<>())
                .add(admits);
          }
          if (feed && round == ROUNDS) {
            String key = new RedisKeys(event).feed();
            long bytes = redis.memoryUsage(key);
            long entries = redis.xlen(key);
            System.out.printf(
                "feed: %d entries, %d bytes, %.1f bytes an entry%n",
                entries, bytes, (double) bytes / entries);
          }
          redis.flushall();
        }
      }
      print(results);
    } finally {
      client.shutdown();
    }
  }

  // Returns {server µs per EVALSHA, client median µs, XADD µs, XREVRANGE µs, calls}.
  private double[] joins(String sha, EventId event, boolean feed) {
    RedisKeys keys = new RedisKeys(event);
    long[] took = new long[CALLS];
    ids = new ArrayList<>(CALLS);
    for (int i = 0; i < CALLS; i++) {
      WaiterId id = WaiterId.random();
      ids.add(id);
      List<String> keyList = new ArrayList<>(keys.lineKeys());
      keyList.add(keys.waiter(id));
      keyList.add(keys.erasing());
      String[] args = {
        id.value(),
        "",
        "",
        Long.toString(1_900_000_000_000L + i),
        "0",
        "1",
        keys.waiterPrefix(),
        "",
        "",
        EntrantId.of(id).value(),
        "100000"
      };
      long started = System.nanoTime();
      List<Object> reply =
          redis.evalsha(sha, ScriptOutputType.MULTI, keyList.toArray(String[]::new), args);
      took[i] = System.nanoTime() - started;
      assertThat(reply.getFirst()).isEqualTo("joined");
    }
    assertThat(redis.exists(keys.feed())).isEqualTo(feed ? 1L : 0L);
    return measured(took);
  }

  private List<WaiterId> ids;

  private double[] admits(String sha, EventId event, int count) {
    RedisKeys keys = new RedisKeys(event);
    redis.configResetstat();
    long[] took = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      WaiterId id = ids.get(i);
      List<String> keyList = new ArrayList<>(keys.lineKeys());
      keyList.addAll(
          List.of(keys.waiter(id), keys.tombstone(id), keys.limiter(), keys.admissions()));
      long now = 1_900_000_100_000L + i;
      String[] args = {
        id.value(),
        "1000000",
        "0",
        Long.toString(OPEN.emissionIntervalNanos()),
        Long.toString(OPEN.toleranceNanos()),
        "0",
        "adm-" + i,
        "60000",
        Long.toString(now),
        Long.toString(now / 1000),
        Long.toString(now % 1000 * 1_000_000),
        "1",
        EtaWindowArgs.LONGEST_MILLIS,
        "3600000",
        "100000"
      };
      long started = System.nanoTime();
      List<Object> reply =
          redis.evalsha(sha, ScriptOutputType.MULTI, keyList.toArray(String[]::new), args);
      took[i] = System.nanoTime() - started;
      assertThat(reply.getFirst()).isEqualTo("admitted");
    }
    return measured(took);
  }

  private double[] measured(long[] took) {
    Map<String, double[]> stats = commandStats();
    long[] sorted = took.clone();
    Arrays.sort(sorted);
    return new double[] {
      stats.getOrDefault("evalsha", new double[2])[1],
      sorted[sorted.length / 2] / 1000.0,
      stats.getOrDefault("xadd", new double[2])[1],
      stats.getOrDefault("xrevrange", new double[2])[1],
      took.length
    };
  }

  // command -> {calls, usec_per_call}
  private Map<String, double[]> commandStats() {
    Map<String, double[]> out = new TreeMap<>();
    for (String line : redis.info("commandstats").split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      String name = line.substring(8, line.indexOf(':'));
      double calls = 0;
      double perCall = 0;
      for (String part : line.substring(line.indexOf(':') + 1).split(",")) {
        String[] kv = part.split("=");
        if (kv[0].equals("calls")) {
          calls = Double.parseDouble(kv[1]);
        } else if (kv[0].equals("usec_per_call")) {
          perCall = Double.parseDouble(kv[1]);
        }
      }
      out.put(name, new double[] {calls, perCall});
    }
    return out;
  }

  private void print(Map<String, List<double[]>> results) {
    System.out.println(
        "redis "
            + redis
                .info("server")
                .lines()
                .filter(l -> l.startsWith("redis_version"))
                .findFirst()
                .orElse("")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + CALLS
            + " calls a batch, "
            + ROUNDS
            + " rounds, medians over rounds");
    System.out.println(
        "| script | server µs/call | client µs/call (median) | XADD µs | XREVRANGE µs |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
      System.out.printf(
          "| %s | %.2f | %.1f | %.2f | %.2f |%n",
          e.getKey(),
          median(e.getValue(), 0),
          median(e.getValue(), 1),
          median(e.getValue(), 2),
          median(e.getValue(), 3));
    }
  }

  private static double median(List<double[]> rows, int column) {
    double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private static String stubbed(String script, String... libraries) {
    List<String> libs = new ArrayList<>();
    libs.add(STUB);
    for (String library : libraries) {
      libs.add(resource(library));
    }
    return Script.compose(resource(script), libs);
  }

  private static String resource(String name) {
    try (InputStream in = Script.class.getResourceAsStream(name + ".lua")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
