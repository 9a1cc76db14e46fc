package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.app.AppSettings;
import io.queuegate.app.QueueApplication;
import io.queuegate.app.RunningService;
import io.queuegate.app.StoreFactory;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.QueueStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The opening of a scheduled sale with a large pre-queue (docs/benchmarks.md#opening), run by hand:
 * {@code -Dit.test=OpeningBench} ({@code -Dopening.entrants=N} for another size). For each store,
 * entrants scored at their join and entrants scored in the background after the operator's public
 * value; the opening is moved a few seconds ahead and the head of the shuffled order then calls
 * enter until it is admitted. Each case starts a fresh service and warms it up with 200 joins,
 * polls and enters on another event first. Prints one markdown table. {@code
 * -Dopening.stores=memory} or {@code redis} runs one store.
 */
class OpeningBench {
  private static final int ENTRANTS = Integer.getInteger("opening.entrants", 1_000_000);
  private static final Duration LEAD = Duration.ofSeconds(3);

  private static final String STORES = System.getProperty("opening.stores", "memory,redis");
  private static final int RENICE = Integer.getInteger("opening.renice", 0);

  private final List<String> rows = new ArrayList<>();
  private final String loadBefore = load();

  @Test
  void openingOfALargePreQueue_admitsTheHeadQuickly() {
    RedisProbe redis = new RedisProbe(RedisServers.standalone().address());
    try (redis) {
      if (RENICE != 0) {
        redis.renice(RENICE);
      }
      for (String store : STORES.split(",")) {
        boolean redisStore = store.equals("redis");
        for (boolean publicValue : new boolean[] {false, true}) {
          redis.flush();
          rows.add(run(redisStore, publicValue, redis));
          System.gc(); // the previous case's million entrants are garbage now
        }
      }
    }
    System.out.println(table());
  }

  private String run(boolean redisStore, boolean publicValue, RedisProbe redis) {
    Map<String, String> env = new HashMap<>(ServiceHarness.NO_LIMITS);
    env.put("QUEUEGATE_ADMIN_TOKEN", ServiceHarness.ADMIN_TOKEN);
    env.put("SERVER_HOST", "127.0.0.1");
    if (redisStore) {
      env.putAll(RedisEnv.standalone(redis.address()));
    }
    AppSettings settings = AppSettings.load(env).withPort(0);
    AtomicReference<QueueStore> raw = new AtomicReference<>();
    RunningService service =
        QueueApplication.start(
            settings,
            timer -> {
              raw.set(StoreFactory.create(settings, timer));
              return raw.get();
            },
            Clock.systemUTC());
    try (service) {
      Api api =
          new Api(URI.create("http://127.0.0.1:" + service.port()), ServiceHarness.ADMIN_TOKEN);
      warmUp(api);
      EventId event = new EventId("opening-bench");
      Instant preQueueStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String source = publicValue ? "bench draw" : null;
      putSchedule(api, event, preQueueStart, preQueueStart.plus(Duration.ofHours(1)), source);
      ShuffleState sealed = raw.get().preQueue().shuffle(event).orElseThrow();

      long seedStart = System.nanoTime();
      Seeded seeded =
          redisStore
              ? new RedisSeeder(redis, event, settings).seed(ENTRANTS, sealed, publicValue)
              : seedInMemory(raw.get(), event, sealed, publicValue);
      long seedMs = millisSince(seedStart);

      String scoring = "-";
      String scoringSlowest = "-";
      String drawn = "bench draw 7 12 19";
      if (publicValue) {
        redis.startPhase();
        long t0 = System.nanoTime();
        Api.Reply set = api.adminPutPublicValue(event.value(), drawn);
        assertThat(set.status()).as("public value").isEqualTo(200);
        Await.until(
            Duration.ofMinutes(10),
            "background scoring",
            () -> raw.get().preQueue().unscored(event, 1).isEmpty());
        scoring = Long.toString(millisSince(t0));
        scoringSlowest = redisStore ? redis.phase() : "-";
      }

      ShuffleKey key =
          ShuffleKey.of(sealed.seed(), publicValue ? Optional.of(drawn) : Optional.empty());
      String head = seeded.headUnder(key);
      Instant opensAt = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.MILLIS);
      putSchedule(api, event, preQueueStart, opensAt, source);
      redis.startPhase();
      long untilOpening = Duration.between(Instant.now(), opensAt).toNanos();
      LockSupport.parkNanos(untilOpening); // timing, not synchronisation: enter tries from here
      int tries = 0;
      Api.Reply entered;
      do {
        entered = api.enter(event.value() + "~" + head);
        tries++;
      } while (entered.status() != 200 && tries < 100_000);
      Instant admitted = Instant.now();
      assertThat(entered.status()).as("the head's enter").isEqualTo(200);
      long firstMs = Duration.between(opensAt, admitted).toMillis();
      String openSlowest = redisStore ? redis.phase() : "-";
      return String.format(
          "| %s | %s | %,d | %,d | %s | %s | %,d | %d | %s |",
          redisStore ? "Redis standalone" : "in memory",
          publicValue ? "public value, background scoring" : "scored at join",
          ENTRANTS,
          seedMs,
          scoring,
          scoringSlowest,
          firstMs,
          tries,
          openSlowest);
    }
  }

  // A running service has joined, polled and admitted before: a first enter in a fresh JVM would
  // time class loading and the signer's first key use, not the opening.
  private static void warmUp(Api api) {
    assertThat(api.adminPut("opening-warm-up", "{\"ready_window\":1000}").status()).isEqualTo(200);
    for (int i = 0; i < 200; i++) {
      String token = api.join("opening-warm-up").body().path("waiting_token").asText();
      api.status(token);
      assertThat(api.enter(token).status()).isEqualTo(200);
    }
  }

  private static Seeded seedInMemory(
      QueueStore store, EventId event, ShuffleState sealed, boolean publicValue) {
    ShuffleKey.Scorer atJoin = ShuffleKey.of(sealed.seed(), Optional.empty()).scorer();
    Seeded seeded = new Seeded(ENTRANTS);
    Instant now = Instant.now();
    for (int i = 0; i < ENTRANTS; i++) {
      WaiterId id = Seeded.waiterId(i);
      EntrantId entrant = EntrantId.of(id);
      seeded.add(i, entrant);
      OptionalLong score =
          publicValue ? OptionalLong.empty() : OptionalLong.of(atJoin.orderScore(entrant));
      store
          .line()
          .join(
              new NewWaiter(
                  event,
                  id,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new PreQueueEntry(entrant, score))),
              0,
              now);
    }
    return seeded;
  }

  private static void putSchedule(
      Api api, EventId event, Instant preQueue, Instant opensAt, String source) {
    String body =
        "{\"ready_window\":100,\"admission_rate_per_sec\":1000,\"admission_burst\":1000,"
            + "\"heartbeat_timeout_sec\":3600,\"pre_queue_starts_at\":\""
            + preQueue
            + "\",\"opens_at\":\""
            + opensAt
            + "\""
            + (source == null ? "" : ",\"shuffle_public_value_source\":\"" + source + "\"")
            + "}";
    Api.Reply reply = api.adminPut(event.value(), body);
    assertThat(reply.status()).as("policy: %s", reply.body()).isEqualTo(200);
  }

  private String table() {
    StringBuilder out = new StringBuilder();
    out.append("\n## Opening of a pre-queue\n\n");
    out.append(
        "Redis cells, per phase: the longest single command on the server (its first key) and"
            + " how many took over 1 ms and over 50 ms (SLOWLOG with slowlog-log-slower-than"
            + " 1000, the probe's own commands left out), and the script calls' count and mean"
            + " (INFO commandstats). Load average before the run: "
            + loadBefore
            + "; after: "
            + load()
            + (RENICE == 0 ? "" : "; redis-server reniced to " + RENICE)
            + ".\n\n");
    out.append(
        "| store | entrants | count | seeding ms | background scoring ms | Redis while scoring"
            + " | opens_at to first admission ms | enter calls | Redis from the opening to the"
            + " admission |\n");
    out.append("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | --- |\n");
    rows.forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
