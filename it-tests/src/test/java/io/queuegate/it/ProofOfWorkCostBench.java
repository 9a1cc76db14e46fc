package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.SpentChallenges;
import io.queuegate.domain.service.AdaptiveDifficulty;
import io.queuegate.domain.service.ProofOfWork;
import io.queuegate.domain.service.ProofOfWorkSettings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The measurements of docs/benchmarks.md#bots. Not a test: run by hand with {@code -Dit.test=
 * ProofOfWorkCostBench} (bench/README.md); it prints its tables and asserts only that the figures
 * were taken. BENCH_BOT_SECONDS sets the bot run's length (60 by default); BENCH_PARTS (a comma
 * list of solve, cpu, server, joins, bot, bot-limits; all by default) picks what to measure.
 */
class ProofOfWorkCostBench {
  private static final String SECRET = "bench-proof-of-work-secret-0123456789abcdef";
  private static final long[] DIFFICULTIES = {1_000, 10_000, 50_000, 200_000, 1_000_000};

  @Test
  void measure() throws Exception {
    List<String> parts =
        List.of(
            System.getenv()
                .getOrDefault("BENCH_PARTS", "solve,cpu,server,joins,bot,bot-limits")
                .split(","));
    if (parts.contains("solve")) {
      solveTimesInChromium();
    }
    if (parts.contains("cpu")) {
      botCpuPerJoin();
    }
    if (parts.contains("server")) {
      serverIssueAndVerify();
    }
    if (parts.contains("joins")) {
      joinThroughputWithAndWithout();
    }
    if (parts.contains("bot")) {
      botRun();
    }
    if (parts.contains("bot-limits")) {
      botRunWithShippedLimits();
    }
  }

  private static ServiceHarness service(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("QUEUEGATE_PROOF_OF_WORK_SECRET", SECRET);
    return ServiceHarness.start(env);
  }

  private static String event(ServiceHarness s, boolean pow, long difficulty) {
    String event = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    String policy =
        "{\"require_proof_of_work\":" + pow + ",\"proof_of_work_difficulty\":" + difficulty + "}";
    assertThat(s.api.adminPut(event, policy).status()).isEqualTo(200);
    return event;
  }

  /** Median and p90 solve time of the page's worker in headless Chromium, per difficulty. */
  private static void solveTimesInChromium() {
    System.out.println("\n| maxnumber | samples | median ms | p90 ms | hashes/s (median) |");
    System.out.println("| --- | --- | --- | --- | --- |");
    try (ServiceHarness s = service(Map.of());
        Browser browser = Browser.start(480, 820)) {
      String host = event(s, false, 1_000);
      browser.driver.get(s.base().resolve("/wait/" + host).toString());
      browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
      for (long d : DIFFICULTIES) {
        String event = event(s, true, d);
        int samples = d >= 1_000_000 ? 9 : 21;
        List<Long> took = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
          Map<?, ?> r =
              (Map<?, ?>)
                  browser.driver.executeAsyncScript(
                      "var done = arguments[0];"
                          + "fetch('/api/v1/queue/challenge?event_id="
                          + event
                          + "').then(function (r) { return r.json(); }).then(function (c) {"
                          + " var w = new Worker('/assets/pow-worker.js'), t0 = performance.now();"
                          + " w.onmessage = function (e) { if (e.data.progress != null) return;"
                          + "  w.terminate(); done({ms: performance.now() - t0, n: e.data.number}); };"
                          + " w.postMessage(c); });");
          long ms = Math.round(((Number) r.get("ms")).doubleValue());
          took.add(ms);
          rates.add(((Number) r.get("n")).doubleValue() / Math.max(1, ms) * 1000);
        }
        Collections.sort(took);
        Collections.sort(rates);
        System.out.printf(
            "| %,d | %d | %d | %d | %,.0f |%n",
            d,
            samples,
            took.get(samples / 2),
            took.get((int) Math.ceil(samples * 0.9) - 1),
            rates.get(samples / 2));
      }
    }
  }

  /** What a bot without a browser pays: SHA-256 hashes per CPU-second in one Java thread. */
  private static void botCpuPerJoin() {
    var threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long hashes = 0;
    String salt = "0011223344556677?expires=1&event=x&";
    String sink = "";
    while (threads.getCurrentThreadCpuTime() - cpu0 < 3_000_000_000L) {
      for (int i = 0; i < 10_000; i++) {
        sink = AltchaClient.sha256Hex(salt + hashes++);
      }
    }
    double perCpuSec = hashes / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    System.out.printf(
        "%nJava bot: %,.0f SHA-256/CPU-s (%s)%n| maxnumber | CPU-s per join (mean, maxnumber/2 hashes) |%n| --- | --- |%n",
        perCpuSec, sink.substring(0, 4));
    for (long d : DIFFICULTIES) {
      System.out.printf("| %,d | %.4f |%n", d, d / 2.0 / perCpuSec);
    }
  }

  /** Challenges issued and verified per second on one thread (one core), in process. */
  private static void serverIssueAndVerify() {
    SpentChallenges spent = new io.queuegate.adapter.memory.InMemorySpentChallenges();
    ProofOfWorkSettings settings =
        new ProofOfWorkSettings(
            SECRET.getBytes(StandardCharsets.UTF_8),
            Duration.ofMinutes(5),
            2,
            500,
            Duration.ofSeconds(10));
    ProofOfWork pow = new ProofOfWork(settings, spent, new AdaptiveDifficulty(settings));
    EventId event = new EventId("bench");
    Instant now = Clock.systemUTC().instant();
    int n = 200_000;
    for (int i = 0; i < 20_000; i++) {
      pow.issue(event, 1_000, now);
    }
    long t0 = System.nanoTime();
    var issued = new ArrayList<io.queuegate.domain.model.Challenge>(n);
    for (int i = 0; i < n; i++) {
      issued.add(pow.issue(event, 1, now));
    }
    double issuePerSec = n / ((System.nanoTime() - t0) / 1e9);
    // maxnumber 1: the number is 0 or 1, so solving costs two hashes outside the timed loop.
    var solutions = new ArrayList<io.queuegate.domain.model.ProofOfWorkSolution>(n);
    for (var c : issued) {
      long number = AltchaClient.sha256Hex(c.salt() + 0).equals(c.challenge()) ? 0 : 1;
      solutions.add(
          new io.queuegate.domain.model.ProofOfWorkSolution(
              c.algorithm(), c.challenge(), number, c.salt(), c.signature()));
    }
    long t1 = System.nanoTime();
    for (var s : solutions) {
      pow.verify(s, event, now);
    }
    double verifyPerSec = n / ((System.nanoTime() - t1) / 1e9);
    System.out.printf(
        "%nServer, one thread: issue %,.0f/s, verify (HMAC + hash + in-memory spend) %,.0f/s%n",
        issuePerSec, verifyPerSec);
  }

  /** Sequential HTTP joins, alternating rounds with and without proof of work, same service. */
  private static void joinThroughputWithAndWithout() throws Exception {
    try (ServiceHarness s = service(Map.of())) {
      String plain = event(s, false, 1_000);
      String pow = event(s, true, 1_000);
      int n = 1_000;
      List<Double> ratios = new ArrayList<>();
      double lastPlain = 0;
      double lastPow = 0;
      for (int round = 0; round < 4; round++) {
        List<String> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          payloads.add(
              AltchaClient.solve(s.api.get("/api/v1/queue/challenge?event_id=" + pow).body()));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          assertThat(s.api.join(plain).status()).isEqualTo(202);
        }
        lastPlain = n / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        for (String p : payloads) {
          assertThat(s.api.joinWithProofOfWork(pow, p).status()).isEqualTo(202);
        }
        lastPow = n / ((System.nanoTime() - t1) / 1e9);
        if (round > 0) {
          ratios.add(lastPow / lastPlain);
        }
      }
      Collections.sort(ratios);
      System.out.printf(
          "%nJoins, one client, in memory: without %,.0f/s, with (pre-solved) %,.0f/s in the last"
              + " round; ratio with/without, median of 3 rounds: %.2f (min %.2f, max %.2f)%n",
          lastPlain, lastPow, ratios.get(1), ratios.get(0), ratios.get(2));
    }
  }

  /**
   * One bot address joining as fast as it can for the run, beside 20 paced browser-like clients
   * (each from its own /24, a join every 3 s), first without the defence, then with it; the join
   * limits raised out of the way to isolate the defence.
   */
  private static void botRun() throws Exception {
    int seconds = botSeconds();
    Map<String, String> env = new HashMap<>();
    env.put("QUEUEGATE_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1/32");
    try (ServiceHarness s = service(env)) {
      botHeader(seconds, "default join limits raised (ServiceHarness)");
      botRow(s, seconds, "none", false, 1_000, "203.0.113.7");
      botRow(s, seconds, "proof of work (base 1,000, adaptive)", true, 1_000, "203.0.114.7");
    }
  }

  /** The same run with the shipped per-network join limit on, alone and with the default base. */
  private static void botRunWithShippedLimits() throws Exception {
    int seconds = botSeconds();
    Map<String, String> env = new HashMap<>();
    env.put("QUEUEGATE_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1/32");
    env.put("QUEUEGATE_PROOF_OF_WORK_SECRET", SECRET);
    try (ServiceHarness s = ServiceHarness.startWithDefaultLimits(env)) {
      botHeader(seconds, "shipped request limits");
      // A bot address per row: the join limit's bucket is per network, not per event.
      botRow(s, seconds, "per-network join limit (shipped)", false, 50_000, "203.0.113.7");
      botRow(
          s,
          seconds,
          "join limit + proof of work (base 50,000, the default)",
          true,
          50_000,
          "203.0.114.7");
    }
  }

  private static int botSeconds() {
    return Integer.parseInt(System.getenv().getOrDefault("BENCH_BOT_SECONDS", "60"));
  }

  private static void botHeader(int seconds, String limits) {
    System.out.printf(
        "%nBot run, %d s each, in memory, %s:%n"
            + "| defence | bot places | bot challenges | bot last maxnumber | paced places"
            + " (20 clients, 1 join / 3 s each) | bot's refused joins by status |%n"
            + "| --- | --- | --- | --- | --- | --- |%n",
        seconds, limits);
  }

  private static void botRow(
      ServiceHarness s, int seconds, String label, boolean pow, long base, String botAddress)
      throws Exception {
    String event = event(s, pow, base);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger botPlaces = new AtomicInteger();
    AtomicInteger botChallenges = new AtomicInteger();
    AtomicInteger pacedPlaces = new AtomicInteger();
    Map<String, Long> lastMax = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
    HttpClient http = HttpClient.newHttpClient();
    Thread bot =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!stop.get()) {
                    int status = joinAs(http, s, event, botAddress, pow, botChallenges, lastMax);
                    if (status == 202) {
                      botPlaces.incrementAndGet();
                    } else {
                      refused.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                  }
                });
    List<Thread> paced = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      String address = "198.51." + (c + 1) + ".10";
      int offset = c * 150;
      paced.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    long next = System.nanoTime() + offset * 1_000_000L;
                    while (!stop.get()) {
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        continue;
                      }
                      if (joinAs(http, s, event, address, pow, new AtomicInteger(), null) == 202) {
                        pacedPlaces.incrementAndGet();
                      }
                      next += 3_000_000_000L;
                    }
                  }));
    }
    java.util.concurrent.locks.LockSupport.parkNanos(seconds * 1_000_000_000L);
    stop.set(true);
    bot.join();
    for (Thread t : paced) {
      t.join();
    }
    System.out.printf(
        "| %s | %,d | %,d | %,d | %,d | %s |%n",
        label,
        botPlaces.get(),
        botChallenges.get(),
        lastMax.getOrDefault("max", 0L),
        pacedPlaces.get(),
        new java.util.TreeMap<>(refused));
  }

  /** The join's status: 202 for a place, the challenge's when it was refused, 0 on an error. */
  private static int joinAs(
      HttpClient http,
      ServiceHarness s,
      String event,
      String address,
      boolean pow,
      AtomicInteger challenges,
      Map<String, Long> lastMax) {
    try {
      HttpRequest.Builder join =
          HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/queue/join"))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", UUID.randomUUID().toString())
              .header("X-Forwarded-For", address)
              .POST(HttpRequest.BodyPublishers.ofString("{\"event_id\":\"" + event + "\"}"));
      if (pow) {
        HttpResponse<String> c =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(s.base() + "/api/v1/queue/challenge?event_id=" + event))
                    .header("X-Forwarded-For", address)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (c.statusCode() != 200) {
          return c.statusCode();
        }
        var challenge = Api.JSON.readTree(c.body());
        challenges.incrementAndGet();
        if (lastMax != null) {
          lastMax.put("max", challenge.path("maxnumber").asLong());
        }
        join.header("X-Proof-Of-Work", AltchaClient.solve(challenge));
      }
      return http.send(join.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }
}
