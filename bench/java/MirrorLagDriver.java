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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench-only: the line mirror's lag seen from outside (docs/benchmarks.md#mirror-at-work). An open
 * load of joins and enters (admissions of the oldest waiters) goes to the instances in turn, while
 * one probe per instance polls the status of a waiter P who joined behind every waiter that enters
 * during the measurement. Each admission moves P one place forward, so the k-th admission is
 * visible on an instance when P's position there first shows k departures: its lag lies between
 * that status call's send and its answer, minus the k-th enter's 200 (both bounds short by the
 * enter's answer path; the upper one long by the probe's round trip). Joins and enters pause
 * around P's join so that P's position_hint is exact and every waiter whose join was answered
 * before it is ahead of P. Usage: java MirrorLagDriver.java EVENT WARMUP_S MEASURE_S JOINS_PER_S
 * ENTERS_PER_S PROBE_PAUSE_MS BASE_URL... Prints RESULT lines of key=value pairs.
 */
public final class MirrorLagDriver {
  private static final int CONNECTIONS = 64;
  private final java.util.Map<String, java.util.concurrent.Semaphore> inFlight =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[^,}]+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String event;
  private final List<String> bases;
  private final ConcurrentLinkedQueue<Joined> line = new ConcurrentLinkedQueue<>();
  private final AtomicLong joins = new AtomicLong();
  private final AtomicLong joinErrors = new AtomicLong();
  private final AtomicLong enters = new AtomicLong();
  private final AtomicLong enterErrors = new AtomicLong();
  private final AtomicLong statusErrors = new AtomicLong();
  private final AtomicLong statusCalls = new AtomicLong();
  private final java.util.Map<String, AtomicLong> errorKinds =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Long> departures = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean entering = true;
  private volatile boolean joining = true;
  private volatile long probeJoinedAt = Long.MAX_VALUE;
  private volatile boolean running = true;

  private record Joined(String token, long answeredAt) {}

  private MirrorLagDriver(String event, List<String> bases) {
    this.event = event;
    this.bases = bases;
  }

  public static void main(String[] args) throws Exception {
    String event = args[0];
    int warmup = Integer.parseInt(args[1]);
    int measure = Integer.parseInt(args[2]);
    double joinRate = Double.parseDouble(args[3]);
    double enterRate = Double.parseDouble(args[4]);
    long probePause = Long.parseLong(args[5]);
    List<String> bases = List.of(args).subList(6, args.length);
    new MirrorLagDriver(event, bases).run(warmup, measure, joinRate, enterRate, probePause);
  }

  private void run(int warmup, int measure, double joinRate, double enterRate, long probePause)
      throws Exception {
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    AtomicLong joinsSent = new AtomicLong();
    AtomicLong entersSent = new AtomicLong();
    AtomicLong enterClock = new AtomicLong(start);
    AtomicLong joinClock = new AtomicLong(start);
    // Open load: every millisecond, send what the rate owes since the start, whatever came back.
    ticks.scheduleAtFixedRate(
        () -> {
          try {
            tick(joinRate, enterRate, joinsSent, entersSent, joinClock, enterClock);
          } catch (RuntimeException e) {
            // A tick that threw would end the schedule silently.
            e.printStackTrace();
          }
        },
        1,
        1,
        TimeUnit.MILLISECONDS);
    Thread.sleep(warmup * 1000L);
    // P joins with no join or admission in flight, so its position_hint counts exactly who is
    // ahead, and every waiter whose join was answered before is ahead of it.
    entering = false;
    joining = false;
    Thread.sleep(500);
    probeJoinedAt = System.nanoTime();
    String[] probe = joinNow(bases.get(0));
    joining = true;
    long hint = Long.parseLong(probe[1]);
    Thread.sleep(300);
    List<Thread> probes = new ArrayList<>();
    List<long[]> seen = new ArrayList<>();
    for (String base : bases) {
      long[] visible = new long[2 * ((int) (measure * enterRate * 2) + 1000)];
      seen.add(visible);
      probes.add(Thread.ofVirtual().start(() -> probe(base, probe[0], hint, visible, probePause)));
    }
    Thread.sleep(200); // every probe has answered at least once before admissions resume
    long measureStart = System.nanoTime();
    long joinsBefore = joins.get();
    entering = true;
    Thread.sleep(measure * 1000L);
    entering = false;
    Thread.sleep(1000); // the last admissions reach both mirrors
    running = false;
    for (Thread t : probes) {
      t.join();
    }
    ticks.shutdownNow();
    double seconds = (System.nanoTime() - measureStart) / 1e9 - 1;
    List<Long> done = new ArrayList<>(departures);
    Collections.sort(done);
    System.out.printf(
        "RESULT load joins_per_s=%.0f admissions_per_s=%.0f position_hint=%d join_errors=%d"
            + " enters=%d enter_errors=%d status_calls=%d status_errors=%d%n",
        (joins.get() - joinsBefore) / seconds,
        done.size() / seconds,
        hint,
        joinErrors.get(),
        enters.get(),
        enterErrors.get(),
        statusCalls.get(),
        statusErrors.get());
    System.out.println("RESULT errors " + errorKinds);
    for (int i = 0; i < bases.size(); i++) {
      long[] visible = seen.get(i);
      List<Double> lags = new ArrayList<>();
      List<Double> lows = new ArrayList<>();
      int missing = 0;
      for (int k = 0; k < done.size() && 2 * k < visible.length; k++) {
        if (visible[2 * k + 1] == 0) {
          missing++;
        } else {
          lags.add(Math.max(0, visible[2 * k + 1] - done.get(k)) / 1e6);
          lows.add(Math.max(0, visible[2 * k] - done.get(k)) / 1e6);
        }
      }
      Collections.sort(lags);
      Collections.sort(lows);
      System.out.printf(
          "RESULT probe base=%s admissions=%d seen=%d missing=%d p50_ms=%.1f p90_ms=%.1f"
              + " p99_ms=%.1f max_ms=%.1f low_p50_ms=%.1f low_p90_ms=%.1f low_p99_ms=%.1f"
              + " low_max_ms=%.1f%n",
          bases.get(i),
          done.size(),
          lags.size(),
          missing,
          pct(lags, 50),
          pct(lags, 90),
          pct(lags, 99),
          lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1),
          pct(lows, 50),
          pct(lows, 90),
          pct(lows, 99),
          lows.isEmpty() ? Double.NaN : lows.get(lows.size() - 1));
    }
    System.exit(0);
  }

  private void tick(
      double joinRate,
      double enterRate,
      AtomicLong joinsSent,
      AtomicLong entersSent,
      AtomicLong joinClock,
      AtomicLong enterClock) {
    long now = System.nanoTime();
    if (!joining) {
      // A pause moves the schedule on: nothing is owed for it afterwards.
      joinClock.set(now - (long) (joinsSent.get() / joinRate * 1e9));
    } else {
      while (joinsSent.get() < (now - joinClock.get()) / 1e9 * joinRate) {
        join(bases.get((int) (joinsSent.getAndIncrement() % bases.size())));
      }
    }
    if (!entering) {
      enterClock.set(now - (long) (entersSent.get() / enterRate * 1e9));
      return;
    }
    while (entersSent.get() < (now - enterClock.get()) / 1e9 * enterRate) {
      Joined next = line.poll();
      if (next == null) {
        break;
      }
      enter(bases.get((int) (entersSent.getAndIncrement() % bases.size())), next);
    }
  }

  private void probe(String base, String token, long hint, long[] visible, long pause) {
    int told = 0;
    while (running) {
      try {
        long sent = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/queue/status?token=" + token))
                    .timeout(TIMEOUT)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long at = System.nanoTime();
        statusCalls.incrementAndGet();
        if (r.statusCode() != 200) {
          statusErrors.incrementAndGet();
          continue;
        }
        long gone = hint - Long.parseLong(field(r.body(), "position"));
        // The answer shows the mirror as it was between the call's send and its answer.
        while (told < gone && told < visible.length / 2) {
          visible[2 * told] = sent;
          visible[2 * told++ + 1] = at;
        }
        if (pause > 0) {
          Thread.sleep(pause);
        }
      } catch (Exception e) {
        statusErrors.incrementAndGet();
      }
    }
  }

  private HttpRequest joinRequest(String base) {
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/queue/join"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"event_id\":\"" + event + "\",\"user_id\":\"anonymous\"}"))
        .build();
  }

  private void join(String base) {
    send(
        base,
        joinRequest(base),
        (sentAt, r) -> {
          if (r.statusCode() == 202) {
            joins.incrementAndGet();
            line.add(new Joined(field(r.body(), "waiting_token"), System.nanoTime()));
          } else {
            joinErrors.incrementAndGet();
            kind("join", r, null);
          }
        },
        e -> {
          joinErrors.incrementAndGet();
          kind("join", null, e);
        });
  }

  // At most CONNECTIONS requests in flight per instance, each on a kept-alive connection: an open
  // load that opened a connection per late request would measure connect storms, not the mirror.
  private void send(
      String base,
      HttpRequest request,
      java.util.function.BiConsumer<Long, HttpResponse<String>> ok,
      java.util.function.Consumer<Exception> failed) {
    java.util.concurrent.Semaphore permits =
        inFlight.computeIfAbsent(base, b -> new java.util.concurrent.Semaphore(CONNECTIONS));
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                permits.acquire();
                try {
                  // Taken once a connection is free: a join waiting for one is not in the line yet.
                  long sentAt = System.nanoTime();
                  ok.accept(sentAt, http.send(request, HttpResponse.BodyHandlers.ofString()));
                } finally {
                  permits.release();
                }
              } catch (Exception e) {
                failed.accept(e);
              }
            });
  }

  private String[] joinNow(String base) throws Exception {
    HttpResponse<String> r = http.send(joinRequest(base), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("probe join: " + r.statusCode() + " " + r.body());
    }
    return new String[] {field(r.body(), "waiting_token"), field(r.body(), "position_hint")};
  }

  private void enter(String base, Joined waiter) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/queue/enter"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"waiting_token\":\"" + waiter.token() + "\"}"))
            .build();
    send(
        base,
        request,
        (sentAt, r) -> {
          long at = System.nanoTime();
          if (r.statusCode() == 200) {
            enters.incrementAndGet();
            // Only admissions of waiters who joined before P move P forward.
            if (waiter.answeredAt() < probeJoinedAt && at > probeJoinedAt) {
              departures.add(at);
            }
          } else {
            enterErrors.incrementAndGet();
            kind("enter", r, null);
          }
        },
        e -> {
          enterErrors.incrementAndGet();
          kind("enter", null, e);
        });
  }

  private void kind(String what, HttpResponse<?> r, Throwable e) {
    String key = what + ":" + (r != null ? r.statusCode() : String.valueOf(e).split("\n")[0]);
    errorKinds.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
  }

  private static String field(String body, String name) {
    Matcher m = FIELD.matcher(body);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2).replace("\"", "");
      }
    }
    return "";
  }
}
