import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench-only: a line mirror built on an instance that has just started
 * (docs/benchmarks.md#mirror-at-work). CLIENTS virtual users send status for random sealed tokens
 * back to back while a watcher reads /metrics every 5 ms; the build ends at the first scrape that
 * counts an answer with method mirror. Reports the build's time from the first status call, and
 * the status answers (codes, latency) before and after it. Usage: java MirrorBuildProbe.java
 * BASE_URL TOKEN_FILE CLIENTS SECONDS
 */
public final class MirrorBuildProbe {
  private static final Pattern MIRROR =
      Pattern.compile("queue_position_calculation_total\\{[^}]*method=\"mirror\"[^}]*\\} (\\S+)");

  private record Answer(long sentAt, long nanos, int code) {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    List<String> tokens = Files.readAllLines(Path.of(args[1]));
    int clients = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> users = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      users.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      String token = tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
                      long t0 = System.nanoTime();
                      try {
                        HttpResponse<Void> r =
                            http.send(
                                HttpRequest.newBuilder(
                                        URI.create(base + "/api/v1/queue/status?token=" + token))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                                HttpResponse.BodyHandlers.discarding());
                        answers.add(new Answer(t0, System.nanoTime() - t0, r.statusCode()));
                      } catch (Exception e) {
                        failures.incrementAndGet();
                      }
                    }
                  }));
    }
    long built = 0;
    while (System.nanoTime() < end && built == 0) {
      String metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = MIRROR.matcher(metrics);
      if (m.find() && Double.parseDouble(m.group(1)) > 0) {
        built = System.nanoTime();
      } else {
        Thread.sleep(5);
      }
    }
    for (Thread u : users) {
      u.join();
    }
    long buildAt = built == 0 ? end : built;
    List<Double> during = new ArrayList<>();
    List<Double> after = new ArrayList<>();
    long non200 = 0;
    for (Answer a : answers) {
      (a.sentAt() < buildAt ? during : after).add(a.nanos() / 1e6);
      if (a.code() != 200) {
        non200++;
      }
    }
    Collections.sort(during);
    Collections.sort(after);
    System.out.printf(
        "RESULT build_ms=%s calls_during=%d p50_during_ms=%.2f p99_during_ms=%.2f max_during_ms=%.1f"
            + " calls_after=%d p50_after_ms=%.2f p99_after_ms=%.2f non_200=%d failures=%d%n",
        built == 0 ? "none" : String.format("%.0f", (built - start) / 1e6),
        during.size(),
        pct(during, 50),
        pct(during, 99),
        during.isEmpty() ? Double.NaN : during.get(during.size() - 1),
        after.size(),
        pct(after, 50),
        pct(after, 99),
        non200,
        failures.get());
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
  }
}
