import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench-only: the old gateway's load scenario. Virtual users join one hot event (all joins land
 * before anyone polls, so position_hint is the join order), then poll status and enter as soon as
 * ready_for_entry is true: every 2 to 4 s (fixed, the old clients), every 2 s (every2, the old web
 * client, docs/design.md#old-client), or after poll_after_ms (hint).
 * Usage: java bench/java/LoadDriver.java BASE_URL EVENT USERS fixed|every2|hint READY_WINDOW MAX_SECONDS
 *   [ARRIVALS_PER_SEC ARRIVAL_SECONDS]
 * With arrivals (scenario 5c), USERS join at once and more keep arriving at that rate for that long,
 * each polling from its own join; the FIFO check then needs the whole line's order and is skipped
 * (fifo_violations=-1). ETA figures compare eta_sec at join with the wait from sending the join to
 * the granted enter, and count the waiters whose wait fell within [eta_low_sec, eta_high_sec].
 * Prints one RESULT line of key=value pairs; ETA_DUMP=file also writes one line per admitted waiter
 * (eta low high wait, in seconds).
 */
public final class LoadDriver {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}]+)");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String event;
  private final boolean followHint;
  private final boolean everyTwoSeconds;
  private final int readyWindow;
  private final long deadline;
  private final ConcurrentLinkedQueue<Long> statusNanos = new ConcurrentLinkedQueue<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong statusCalls = new AtomicLong();
  private final ConcurrentLinkedQueue<double[]> etaErrors = new ConcurrentLinkedQueue<>();
  private final double arrivalsPerSec;
  private final int arrivalSeconds;
  private boolean[] admitted;
  private long fifoViolations;
  private long admittedCount;

  private LoadDriver(String base, String event, String mode, int readyWindow, int seconds,
      double arrivalsPerSec, int arrivalSeconds) {
    this.arrivalsPerSec = arrivalsPerSec;
    this.arrivalSeconds = arrivalSeconds;
    this.base = base;
    this.event = event;
    this.followHint = mode.equals("hint");
    this.everyTwoSeconds = mode.equals("every2");
    this.readyWindow = readyWindow;
    this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
  }

  public static void main(String[] args) throws Exception {
    int users = Integer.parseInt(args[2]);
    LoadDriver driver = new LoadDriver(args[0], args[1], args[3],
        Integer.parseInt(args[4]), Integer.parseInt(args[5]),
        args.length > 6 ? Double.parseDouble(args[6]) : 0, args.length > 7 ? Integer.parseInt(args[7]) : 0);
    driver.run(users);
  }

  private void run(int users) throws InterruptedException {
    int late = (int) Math.round(arrivalsPerSec * arrivalSeconds);
    admitted = new boolean[users + 2];
    CountDownLatch joined = new CountDownLatch(users);
    CountDownLatch finished = new CountDownLatch(users + late);
    long start = System.nanoTime();
    for (int i = 0; i < users; i++) {
      Thread.ofVirtual().start(() -> {
        try {
          user(joined, true);
        } finally {
          finished.countDown();
        }
      });
    }
    for (int i = 0; i < late; i++) {
      long due = start + (long) ((i + 1) / arrivalsPerSec * 1e9);
      long sleep = (due - System.nanoTime()) / 1_000_000;
      if (sleep > 0) {
        Thread.sleep(sleep);
      }
      Thread.ofVirtual().start(() -> {
        try {
          user(new CountDownLatch(0), false);
        } finally {
          finished.countDown();
        }
      });
    }
    finished.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> lat = new ArrayList<>(statusNanos);
    Collections.sort(lat);
    List<Double> abs = new ArrayList<>();
    List<Double> rel = new ArrayList<>();
    List<Double> width = new ArrayList<>();
    long inRange = 0;
    StringBuilder dump = new StringBuilder();
    for (double[] e : etaErrors) {
      abs.add(Math.abs(e[1] - e[0]));
      rel.add(e[1] > 0 ? Math.abs(e[1] - e[0]) / e[1] : 0);
      width.add(e[0] > 0 ? (e[3] - e[2]) / e[0] : 0);
      if (e[2] <= e[1] && e[1] <= e[3]) {
        inRange++;
      }
      dump.append(String.format("%.0f %.0f %.0f %.2f%n", e[0], e[2], e[3], e[1]));
    }
    Collections.sort(abs);
    Collections.sort(rel);
    Collections.sort(width);
    String dumpFile = System.getenv("ETA_DUMP");
    if (dumpFile != null) {
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of(dumpFile), dump);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    System.out.printf(
        "RESULT users=%d admitted=%d seconds=%.1f status_p50_ms=%.2f status_p95_ms=%.2f "
            + "status_p99_ms=%.2f requests=%d errors=%d error_rate_pct=%.3f "
            + "status_per_admitted=%.2f fifo_violations=%d eta_err_median_s=%.1f "
            + "eta_err_p90_s=%.1f eta_rel_err_median_pct=%.0f eta_rel_err_p90_pct=%.0f "
            + "eta_in_range_pct=%.0f eta_range_width_median_pct=%.0f%n",
        users + late, admittedCount, seconds, ms(lat, 50), ms(lat, 95), ms(lat, 99), requests.get(),
        errors.get(), 100.0 * errors.get() / Math.max(1, requests.get()),
        (double) statusCalls.get() / Math.max(1, admittedCount), fifoViolations,
        pick(abs, 50), pick(abs, 90), 100 * pick(rel, 50), 100 * pick(rel, 90),
        100.0 * inRange / Math.max(1, etaErrors.size()), 100 * pick(width, 50));
  }

  private void user(CountDownLatch joined, boolean crowd) {
    String token = null;
    long rank = 0;
    long eta = 0;
    long etaLow = 0;
    long etaHigh = 0;
    long firstHint = 1000;
    long joinedAt = System.nanoTime();
    try {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/queue/join"))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .header("X-Trace-Id", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"event_id\":\"" + event + "\",\"user_id\":\"anonymous\"}")).build());
      if (r != null && r.statusCode() == 202) {
        token = field(r.body(), "waiting_token");
        rank = Long.parseLong(field(r.body(), "position_hint"));
        eta = Long.parseLong(field(r.body(), "eta_sec"));
        etaLow = Long.parseLong(field(r.body(), "eta_low_sec"));
        etaHigh = Long.parseLong(field(r.body(), "eta_high_sec"));
        firstHint = Long.parseLong(field(r.body(), "poll_after_ms"));
      }
    } finally {
      joined.countDown();
    }
    if (token == null) {
      return;
    }
    try {
      joined.await();
      // Real clients poll on their own clocks from their own join: spread the first poll over one
      // interval instead of sending every user's first status in the same instant.
      long first = followHint ? firstHint : 2000;
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.max(2, first)));
    } catch (InterruptedException e) {
      return;
    }
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      HttpResponse<String> s = send(HttpRequest.newBuilder(
          URI.create(base + "/api/v1/queue/status?token=" + token)).GET().build());
      statusNanos.add(System.nanoTime() - t0);
      statusCalls.incrementAndGet();
      long pollAfter = 1000;
      if (s != null && s.statusCode() == 200) {
        pollAfter = Long.parseLong(field(s.body(), "poll_after_ms"));
        if (field(s.body(), "ready_for_entry").equals("true") && enter(token, crowd ? rank : -1)) {
          etaErrors.add(new double[] {eta, (System.nanoTime() - joinedAt) / 1e9, etaLow, etaHigh});
          return;
        }
      } else if (s != null) {
        errors.incrementAndGet();
      }
      long sleep = followHint ? pollAfter
          : everyTwoSeconds ? 2000 : ThreadLocalRandom.current().nextLong(2000, 4001);
      try {
        Thread.sleep(Math.max(1, Math.min(sleep, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private boolean enter(String token, long rank) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/queue/enter"))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString("{\"waiting_token\":\"" + token + "\"}"))
        .build());
    if (r == null) {
      return false;
    }
    if (r.statusCode() == 200) {
      if (rank > 0 && arrivalsPerSec == 0) {
        admit((int) rank);
      } else {
        countAdmitted();
      }
      return true;
    }
    if (r.statusCode() != 403) {
      errors.incrementAndGet();
    }
    return false;
  }

  private synchronized void countAdmitted() {
    admittedCount++;
    fifoViolations = -1;
  }

  // A FIFO violation: someone admitted while readyWindow or more earlier joiners still wait.
  private synchronized void admit(int rank) {
    long earlierWaiting = 0;
    for (int i = 1; i < rank; i++) {
      if (!admitted[i]) {
        earlierWaiting++;
      }
    }
    if (earlierWaiting >= readyWindow) {
      fifoViolations++;
    }
    admitted[rank] = true;
    admittedCount++;
  }

  private HttpResponse<String> send(HttpRequest request) {
    requests.incrementAndGet();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      errors.incrementAndGet();
      return null;
    }
  }

  private static String field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2).replace("\"", "").trim();
      }
    }
    return "";
  }

  private static double ms(List<Long> sorted, int pct) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
        (int) Math.ceil(pct / 100.0 * sorted.size()) - 1)) / 1e6;
  }

  private static double pick(List<Double> sorted, int pct) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
        (int) Math.ceil(pct / 100.0 * sorted.size()) - 1));
  }
}
