package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Event streams at scale (docs/benchmarks.md#event-streams-at-scale), run by hand: {@code
 * -Dit.test=EventStreamsBench} ({@code -Dstreams.count=N}, {@code -Dstreams.seconds=S}). One
 * instance in a JVM of its own on Redis standalone holds {@code count} open streams (plus the
 * {@code 50 × S} that admissions at 50/s end during the run, so at least {@code count} stay open
 * throughout), read by plain HTTP clients from one address, so the per-client stream limit is
 * raised. Measured over the run: Redis commands per stream per minute (from INFO commandstats, less
 * the same admissions' rate with no stream open), the service's CPU time and heap per stream, and
 * the delay from the enter that makes a waiter ready to its stream's {@code ready} event. Prints
 * one markdown table.
 */
class EventStreamsBench {
  private static final int STREAMS = Integer.getInteger("streams.count", 10_000);
  private static final int SECONDS = Integer.getInteger("streams.seconds", 60);
  private static final int BASELINE_SECONDS = Integer.getInteger("streams.baseline", 20);
  private static final String CASES = System.getProperty("streams.cases", "line,timer");
  private static final String HEAP = System.getProperty("streams.heap", "2g");
  private static final int RATE = 50;
  private static final int WINDOW = 100;
  private static final Set<String> OWN = Set.of("info", "config", "slowlog", "flushall");
  private static final String POLICY =
      "{\"ready_window\":"
          + WINDOW
          + ",\"admission_rate_per_sec\":100,\"admission_burst\":100,"
          + "\"heartbeat_timeout_sec\":300}";

  @Test
  void tenThousandStreams_hearReadyWithinASecond_atNoStoreCostPerStream() {
    RedisProbe redis = new RedisProbe(RedisServers.standalone().address());
    List<String> rows = new ArrayList<>();
    long slowestOnTheLine = 0;
    try (redis) {
      for (String mode : CASES.split(",")) {
        boolean line = mode.equals("line");
        Result result = run(redis, line);
        rows.add(result.row());
        slowestOnTheLine = line ? result.slowestMs() : slowestOnTheLine;
      }
    }
    System.out.printf(
        "%n| streams wait on | streams open (start → end) | admissions |"
            + " Redis commands / stream / min | of which feed reads | store calls / stream / min |"
            + " CPU ms / stream / min | heap / stream | ready after the enter's start p50 / p99 / max"
            + " | ready after the enter's return p50 / p99 / max | enter p99 / max |"
            + " events / stream / min |%n|---|---|---|---|---|---|---|---|---|---|---|---|%n%s%n",
        String.join("\n", rows));
    assertThat(slowestOnTheLine).as("slowest ready on the line").isLessThanOrEqualTo(1_000);
  }

  /**
   * One case on a fresh Redis and a fresh instance: streams on the line (the mirror on, the
   * default), or on the timer (the mirror off, as before it existed).
   */
  private static Result run(RedisProbe redis, boolean line) {
    int total = STREAMS + RATE * SECONDS;
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(redis.address()));
    env.put("QUEUEGATE_SSE_MAX_STREAMS", Integer.toString(total + 100));
    // Every stream comes from this one address.
    env.put("QUEUEGATE_SSE_MAX_STREAMS_PER_CLIENT", Integer.toString(total + 100));
    env.put("QUEUEGATE_MIRROR_ENABLED", Boolean.toString(line));
    redis.flush();
    try (QueuegateProcess service = QueuegateProcess.start(env, HEAP)) {
      Api api = service.api;
      ProcessGauge gauge = new ProcessGauge(service.pid());

      // The first admissions in a fresh JVM mostly measure the JIT: warm up, then measure.
      List<String> base = joined(api, "streams-base", 2 * RATE * BASELINE_SECONDS);
      admit(api, base, BASELINE_SECONDS);
      List<String> rest = base.subList(RATE * BASELINE_SECONDS, base.size());
      Window idle = measure(api, redis, gauge, () -> admit(api, rest, BASELINE_SECONDS));

      List<String> tokens = joined(api, "streams-bench", total);
      long heapBefore = gauge.heapAfterGc();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<StreamReader> readers = open(client, service.api.base(), tokens);
      long heapOpen = gauge.heapAfterGc();

      long[][] enters = new long[2][];
      Window run = measure(api, redis, gauge, () -> admit(api, tokens, SECONDS, enters));
      long[] starts = enters[0];
      long[] ends = enters[1];
      int admitted = starts.length;
      // Every stream whose waiter the admissions made ready; a stream the service could not serve
      // in time counts as missing (and as the case's slowest).
      List<StreamReader> madeReady = readers.subList(WINDOW, admitted + WINDOW);
      Await.within(
          Duration.ofSeconds(30),
          () -> madeReady.stream().allMatch(r -> r.readyAt() > 0),
          Boolean::booleanValue);
      // The admission commits somewhere inside its enter call: the delay from the call's start is
      // an upper bound, from its return a lower one. They differ by the enter's own time.
      long[] delays = new long[admitted];
      long[] afterReturn = new long[admitted];
      long[] enterTimes = new long[admitted];
      int missing = 0;
      for (int k = 0; k < admitted; k++) {
        long at = madeReady.get(k).readyAt();
        missing += at > 0 ? 0 : 1;
        delays[k] = at > 0 ? at - starts[k] : Long.MAX_VALUE;
        afterReturn[k] = at > 0 ? Math.max(0, at - ends[k]) : Long.MAX_VALUE;
        enterTimes[k] = ends[k] - starts[k];
      }
      Arrays.sort(delays);
      Arrays.sort(afterReturn);
      Arrays.sort(enterTimes);
      readers.forEach(StreamReader::cancel);
      client.shutdownNow();

      double streamMinutes = (total - admitted / 2.0) * SECONDS / 60.0;
      double commands = run.commands() - idle.commandsPerSecond() * SECONDS;
      double roundTrips = run.roundTrips() - idle.roundTripsPerSecond() * SECONDS;
      double cpuMs = run.cpuMs() - idle.cpuMsPerSecond() * SECONDS;
      long events = readers.stream().mapToLong(StreamReader::events).sum();
      long slowest = missing > 0 ? Long.MAX_VALUE : millis(delays[delays.length - 1]);
      System.out.printf(
          Locale.ROOT,
          "%s: admissions alone (no stream open) %.1f Redis commands/s, %.1f store calls/s,"
              + " %.0f ms CPU/s; commands in the run: %s%n",
          line ? "line" : "timer",
          idle.commandsPerSecond(),
          idle.roundTripsPerSecond(),
          idle.cpuMsPerSecond(),
          run.byCommand());
      String row =
          String.format(
              Locale.ROOT,
              "| %s | %,d → %,d | %,d at %d/s | %.2f | %.2f | %.2f | %.2f | %,d B |"
                  + " %s / %s / %s ms%s | %s / %s / %s ms | %d / %d ms | %.1f |",
              line ? "the line (mirror on)" : "a timer (mirror off)",
              total,
              total - admitted,
              admitted,
              RATE,
              commands / streamMinutes,
              run.feedReads() / streamMinutes,
              roundTrips / streamMinutes,
              cpuMs / streamMinutes,
              (heapOpen - heapBefore) / total,
              shown(delays[delays.length / 2]),
              shown(delays[(int) Math.ceil(delays.length * 0.99) - 1]),
              shown(delays[delays.length - 1]),
              missing > 0 ? String.format(" (%,d never within 30 s)", missing) : "",
              shown(afterReturn[afterReturn.length / 2]),
              shown(afterReturn[(int) Math.ceil(afterReturn.length * 0.99) - 1]),
              shown(afterReturn[afterReturn.length - 1]),
              millis(enterTimes[(int) Math.ceil(enterTimes.length * 0.99) - 1]),
              millis(enterTimes[enterTimes.length - 1]),
              events / streamMinutes);
      System.out.println(row);
      return new Result(row, slowest);
    }
  }

  private record Result(String row, long slowestMs) {}

  /** {@code count} waiters of {@code event} in join order, so the k-th is at position k + 1. */
  private static List<String> joined(Api api, String event, int count) {
    assertThat(api.adminPut(event, POLICY).status()).isEqualTo(200);
    List<String> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tokens.add(
          api.joinSurely(event, Duration.ofSeconds(30)).body().path("waiting_token").asText());
    }
    return tokens;
  }

  /**
   * Opens a stream per token, a few hundred at a time, and waits for every first status; opens
   * again, a few times, those refused (a store call that timed out on a loaded machine).
   */
  private static List<StreamReader> open(HttpClient client, URI base, List<String> tokens) {
    StreamReader[] readers = new StreamReader[tokens.size()];
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      todo.add(i);
    }
    for (int round = 0; round < 5 && !todo.isEmpty(); round++) {
      CountDownLatch opened = new CountDownLatch(todo.size());
      Semaphore opening = new Semaphore(200);
      for (int i : todo) {
        opening.acquireUninterruptibly();
        readers[i] = new StreamReader(opened, opening, new CountDownLatch(1));
        client.sendAsync(
            HttpRequest.newBuilder(
                    base.resolve("/api/v1/queue/events?token=" + Api.encode(tokens.get(i))))
                .build(),
            HttpResponse.BodyHandlers.fromLineSubscriber(readers[i]));
      }
      try {
        assertThat(opened.await(5, TimeUnit.MINUTES)).as("every stream opened or refused").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      todo.removeIf(i -> !readers[i].refused());
    }
    assertThat(todo).as("streams refused five times").isEmpty();
    return List.of(readers);
  }

  /**
   * Enters the waiters in line order at {@link #RATE} a second for {@code seconds}; returns when
   * each successful enter started (monotonic nanos). An enter refused on a loaded machine (a store
   * call that timed out, the admission limiter after a late start) is tried again. The pause paces
   * the load; it synchronises nothing, and a late admitter starts its pace again rather than
   * catching up in a burst.
   */
  private static long[] admit(Api api, List<String> tokens, int seconds) {
    return admit(api, tokens, seconds, new long[2][]);
  }

  /** The same, with when each successful enter started and returned in {@code enters[0..1]}. */
  private static long[] admit(Api api, List<String> tokens, int seconds, long[][] enters) {
    int count = Math.min(tokens.size(), RATE * seconds);
    long[] starts = new long[count];
    long[] ends = new long[count];
    enters[0] = starts;
    enters[1] = ends;
    long every = TimeUnit.SECONDS.toNanos(1) / RATE;
    long next = System.nanoTime();
    for (int k = 0; k < count; k++) {
      LockSupport.parkNanos(next - System.nanoTime());
      next = Math.max(next + every, System.nanoTime());
      int status = 0;
      for (int tries = 0; status != 200; tries++) {
        assertThat(tries).as("tries to enter waiter %d (last %d)", k, status).isLessThan(200);
        starts[k] = System.nanoTime();
        status = api.enter(tokens.get(k)).status();
        ends[k] = System.nanoTime();
        if (status != 200) {
          LockSupport.parkNanos(every);
        }
      }
    }
    return starts;
  }

  private static Window measure(Api api, RedisProbe redis, ProcessGauge gauge, Runnable work) {
    redis.commands().configResetstat();
    double trips0 = storeCalls(api);
    Duration cpu0 = gauge.cpu();
    long t0 = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Duration cpu = gauge.cpu().minus(cpu0);
    Map<String, Long> calls = commandCalls(redis);
    return new Window(calls, storeCalls(api) - trips0, cpu.toNanos() / 1e6, seconds);
  }

  /**
   * The service's own count of store calls (a script is one), from {@code queue_store_command}:
   * INFO commandstats also counts the commands a script runs inside Redis.
   */
  private static double storeCalls(Api api) {
    double sum = 0;
    for (String line : api.get("/metrics").raw().body().split("\n")) {
      if (line.startsWith("queue_store_command_seconds_count")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  // cmdstat_evalsha:calls=500,usec=4000000,... with the probe's own commands left out.
  private static Map<String, Long> commandCalls(RedisProbe redis) {
    Map<String, Long> calls = new HashMap<>();
    for (String line : redis.commands().info("commandstats").split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      String name = line.substring("cmdstat_".length(), line.indexOf(':'));
      if (OWN.contains(name) || name.startsWith("config")) {
        continue;
      }
      String count = line.replaceAll(".*[:,]calls=(\\d+).*", "$1");
      calls.put(name, Long.parseLong(count));
    }
    return calls;
  }

  private static String shown(long nanos) {
    return nanos == Long.MAX_VALUE ? "-" : Long.toString(millis(nanos));
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /**
   * What one phase cost: Redis commands by name (those run inside scripts included), the service's
   * store calls, its CPU time, and the phase's length.
   */
  private record Window(Map<String, Long> calls, double roundTrips, double cpuMs, double seconds) {
    long commands() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The mirror follower's reads of the feed (a Redis stream), a cost per event. */
    long feedReads() {
      return calls.entrySet().stream()
          .filter(c -> c.getKey().startsWith("x") && !c.getKey().equals("xadd"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    double roundTripsPerSecond() {
      return roundTrips / seconds;
    }

    double commandsPerSecond() {
      return commands() / seconds;
    }

    double cpuMsPerSecond() {
      return cpuMs / seconds;
    }

    String byCommand() {
      return calls.toString();
    }
  }
}
