package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.queuegate.adapter.redis.Await;
import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.it.Api.Reply;
import io.queuegate.verifier.VerifyLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled sale run to its end over HTTP (docs/design.md#log): 200 join the pre-queue, 20 of
 * them leave before the opening, 100 join after it, 10 of those leave, 25 go silent and expire,
 * everyone else polls and enters when ready. The verifier command accepts the event's log with a
 * receipt of each kind, and rejects each forgery of it. Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
abstract class AdmissionLogSuite {
  private static final int PRE = 200;
  private static final int LINE = 100;
  private static final int WINDOW = 5;

  private ServiceHarness harness;
  private Api api;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private EventId event;
  private Path saved;
  private String preReceipt;
  private String lineReceipt;
  private String commitment;
  private long admitted;
  private long expired;
  private Verdict online;

  private Path dir;

  /** Starts the service on the store under test with {@code overrides} applied. */
  protected abstract ServiceHarness start(Map<String, String> overrides);

  @BeforeAll
  void runASale(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    harness =
        start(
            Map.of(
                "QUEUEGATE_REAPER_INTERVAL", "PT0.2S",
                "QUEUEGATE_HEARTBEAT_FLUSH_INTERVAL", "PT0.2S"));
    api = harness.api;
    event = new EventId("log-" + UUID.randomUUID().toString().substring(0, 8));
    Instant now = Instant.now();
    assertThat(
            api.adminPut(
                    event.value(),
                    "{\"ready_window\":"
                        + WINDOW
                        + ",\"admission_rate_per_sec\":10000,\"admission_burst\":10000"
                        + ",\"heartbeat_timeout_sec\":3"
                        + ",\"pre_queue_starts_at\":\""
                        + now.minusSeconds(1)
                        + "\",\"opens_at\":\""
                        + now.plusSeconds(8)
                        + "\"}")
                .status())
        .isEqualTo(200);
    commitment = api.get(shufflePath()).body().path("commitment").asText();

    List<JsonNode> pre = joinAll(PRE);
    assertThat(pre).allSatisfy(j -> assertThat(j.path("phase").asText()).isEqualTo("pre_queue"));
    for (int i = 0; i < 20; i++) {
      assertThat(api.leave(token(pre.get(i))).status()).isEqualTo(200);
    }
    Await.until(
        Duration.ofSeconds(30),
        "the opening",
        () -> api.get(shufflePath()).body().path("phase").asText().equals("open"));
    List<JsonNode> line = joinAll(LINE);
    assertThat(line).allSatisfy(j -> assertThat(j.path("phase").asText()).isEqualTo("line"));
    for (int i = LINE - 10; i < LINE; i++) {
      assertThat(api.leave(token(line.get(i))).status()).isEqualTo(200);
    }

    // Pre-queue 20..34 and line 0..9 go silent; the others poll and enter once ready.
    Set<String> active = ConcurrentHashMap.newKeySet();
    for (int i = 35; i < PRE; i++) {
      active.add(token(pre.get(i)));
    }
    for (int i = 10; i < LINE - 10; i++) {
      active.add(token(line.get(i)));
    }
    preReceipt = pre.get(PRE - 1).path("receipt").asText();
    lineReceipt = line.get(LINE - 11).path("receipt").asText();
    Await.until(Duration.ofSeconds(150), "every active waiter admitted", () -> poll(active));
    // The silent ones are reaped a heartbeat timeout after the opening.
    Await.until(
        Duration.ofSeconds(30),
        "everyone admitted, gone or expired",
        () -> count("admit") + count("expire") == PRE + LINE - 30);
    admitted = count("admit");
    expired = count("expire");
    saved = dir.resolve("log.json");
    online =
        verify(
            harness.base().toString(),
            "--receipt",
            preReceipt,
            "--window",
            Integer.toString(WINDOW),
            "--save",
            saved.toString());
  }

  @AfterAll
  void stopService() {
    pool.shutdownNow();
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void theVerifierAcceptsTheLog_withAPreQueueReceipt_andALineReceipt() throws Exception {
    Verdict offline = verifySaved(saved, "--receipt", lineReceipt);

    assertThat(online.status()).as(online.output()).isZero();
    assertThat(online.output())
        .contains("VERIFIED")
        .contains("180 pre-queue entrants shuffled")
        .contains("placed the entrant at");
    assertThat(offline.status()).as(offline.output()).isZero();
    // The 25 silent ones expire; an active one may too on a slow machine, which the log must say.
    assertThat(expired).isGreaterThanOrEqualTo(25);
    assertThat(admitted).isGreaterThan(PRE / 2);
    List<LogRecord> records = TamperedLogs.records(Api.JSON.readTree(saved.toFile()));
    assertThat(records).hasSize(PRE + LINE + 1 + 30 + (int) admitted + (int) expired);
  }

  @Test
  void aRemovedRecord_andSwappedRecords_breakTheChain() throws Exception {
    JsonNode log = savedLog();
    ArrayNode removed = ((ArrayNode) log.path("records")).deepCopy();
    removed.remove(150);
    ArrayNode swapped = ((ArrayNode) log.path("records")).deepCopy();
    JsonNode a = swapped.get(250);
    swapped.set(250, swapped.get(251));
    swapped.set(251, a);

    Verdict withoutOne = verifySaved(write("removed", TamperedLogs.saved(event, removed)));
    Verdict reordered = verifySaved(write("swapped", TamperedLogs.saved(event, swapped)));

    assertThat(withoutOne.status()).as(withoutOne.output()).isEqualTo(1);
    assertThat(withoutOne.output())
        .contains("record 152: out of sequence")
        .contains("NOT VERIFIED");
    assertThat(reordered.status()).as(reordered.output()).isEqualTo(1);
    assertThat(reordered.output()).contains("prev is not the hash of the record before");
  }

  @Test
  void anAdmissionBeyondTheWindow_isFoundEvenInALogChainedAfresh() throws Exception {
    List<LogRecord> records = new ArrayList<>(TamperedLogs.records(savedLog()));
    // The last admission of a first-come joiner, moved to just after its join: far back then.
    int last = records.size() - 1;
    while (!(records.get(last) instanceof LogRecord.Admission a
        && records.get(indexOfJoin(records, a.entrant())) instanceof LogRecord.Join j
        && !j.preQueue())) {
      last--;
    }
    LogRecord admission = records.remove(last);
    records.add(indexOfJoin(records, admission.named().orElseThrow()) + 1, admission);

    Verdict verdict = verifySaved(write("beyond", TamperedLogs.rechained(event, records)));

    assertThat(verdict.status()).as(verdict.output()).isEqualTo(1);
    assertThat(verdict.output()).contains("admission beyond the ready window");
  }

  @Test
  void aDifferentSeed_failsTheCommitment() throws Exception {
    List<LogRecord> records = new ArrayList<>(TamperedLogs.records(savedLog()));
    int opening = lastIndex(records, LogRecord.Opening.class);
    LogRecord.Opening honest = (LogRecord.Opening) records.get(opening);
    ShuffleSeed other = ShuffleSeed.random();
    records.set(
        opening,
        new LogRecord.Opening(
            honest.seq(),
            honest.at(),
            honest.entrants(),
            other,
            ShuffleKey.of(other, honest.publicValue()),
            honest.publicValue()));

    Verdict verdict = verifySaved(write("seed", TamperedLogs.rechained(event, records)));

    assertThat(verdict.status()).as(verdict.output()).isEqualTo(1);
    assertThat(verdict.output()).contains("SHA-256 of the revealed seed is");
  }

  @Test
  void aReceiptNotInTheLog_isFound() throws Exception {
    List<LogRecord> records = new ArrayList<>(TamperedLogs.records(savedLog()));
    EntrantId dropped =
        new EntrantId(
            Api.JSON
                .readTree(java.util.Base64.getUrlDecoder().decode(lineReceipt.split("\\.")[1]))
                .path("entrant")
                .asText());
    records.removeIf(r -> r.named().filter(dropped::equals).isPresent());
    String otherEvent = "other-" + UUID.randomUUID().toString().substring(0, 8);
    String foreign = api.join(otherEvent).body().path("receipt").asText();

    Verdict droppedJoin =
        verifySaved(
            write("dropped", TamperedLogs.rechained(event, records)), "--receipt", lineReceipt);
    Verdict foreignReceipt = verifySaved(saved, "--receipt", foreign);

    assertThat(droppedJoin.status()).as(droppedJoin.output()).isEqualTo(1);
    assertThat(droppedJoin.output()).contains("never joins in this log");
    assertThat(foreignReceipt.status()).as(foreignReceipt.output()).isEqualTo(1);
    assertThat(foreignReceipt.output()).contains("the receipt is for event " + otherEvent);
  }

  // --- the sale

  private String shufflePath() {
    return "/api/v1/events/" + event.value() + "/shuffle";
  }

  private static String token(JsonNode join) {
    return join.path("waiting_token").asText();
  }

  private List<JsonNode> joinAll(int count) throws Exception {
    List<JsonNode> out =
        concurrently(
            count,
            i -> {
              Reply reply = api.joinSurely(event.value(), Duration.ofSeconds(30));
              assertThat(reply.body().path("receipt").asText()).isNotEmpty();
              return reply.body();
            });
    return out;
  }

  /** One round over the active waiters: status (their heartbeat), and enter when ready. */
  private boolean poll(Set<String> active) {
    try {
      concurrently(
          active.size(),
          new IntFunction<Void>() {
            private final List<String> tokens = new ArrayList<>(active);

            @Override
            public Void apply(int i) {
              String token = tokens.get(i);
              Reply status = api.status(token);
              if (status.status() == 404) {
                active.remove(token); // expired after all: the log says so, the count allows it
              } else if (status.status() == 200
                  && status.body().path("ready_for_entry").asBoolean()) {
                if (api.enter(token).status() == 200) {
                  active.remove(token);
                }
              }
              return null;
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return active.isEmpty();
  }

  private long count(String type) {
    long n = 0;
    long after = 0;
    while (true) {
      JsonNode page = api.get("/api/v1/events/" + event.value() + "/log?after=" + after).body();
      for (JsonNode record : page.path("records")) {
        if (record.path("type").asText().equals(type)) {
          n++;
        }
      }
      if (page.path("records").size() < 1000) {
        return n;
      }
      after = page.path("next_after").asLong();
    }
  }

  private <T> List<T> concurrently(int count, IntFunction<T> task) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> task.apply(index)));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return Collections.unmodifiableList(out);
  }

  // --- the verifier

  record Verdict(int status, String output) {}

  private Verdict verify(String base, String... options) throws InterruptedException {
    List<String> args = new ArrayList<>(List.of(base, event.value()));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = VerifyLog.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Verdict(status, out.toString(StandardCharsets.UTF_8));
  }

  private Verdict verifySaved(Path log, String... options) throws InterruptedException {
    List<String> args =
        new ArrayList<>(List.of("--log-file", log.toString(), "--commitment", commitment));
    args.addAll(List.of(options));
    return verify(harness.base().toString(), args.toArray(String[]::new));
  }

  private JsonNode savedLog() throws Exception {
    return Api.JSON.readTree(saved.toFile());
  }

  private Path write(String name, String json) throws Exception {
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, json);
    return file;
  }

  private static int lastIndex(List<LogRecord> records, Class<?> type) {
    for (int i = records.size() - 1; i >= 0; i--) {
      if (type.isInstance(records.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the log");
  }

  private static int indexOfJoin(List<LogRecord> records, EntrantId entrant) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof LogRecord.Join j && j.entrant().equals(entrant)) {
        return i;
      }
    }
    throw new AssertionError("no join of " + entrant);
  }
}
