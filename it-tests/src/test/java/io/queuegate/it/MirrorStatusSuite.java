package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Status answered from the instance's line mirror (docs/design.md#line-mirror), with every event
 * mirrored on its first status call: positions from the mirror match the line as waiters leave and
 * join, a token without its sealed place still gets the store's answer, and a waiter who left gets
 * the store's 404. Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
abstract class MirrorStatusSuite {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  private ServiceHarness harness;
  private Api api;

  /** Starts the service on the store under test with {@code overrides} applied. */
  protected abstract ServiceHarness start(Map<String, String> overrides);

  /** The store's position method for a first-come waiter. */
  protected String storeMethod() {
    return "position_index";
  }

  /** Whether the store reports its commands' latencies, so that its locate calls can be counted. */
  protected boolean countsStoreCommands() {
    return false;
  }

  @BeforeAll
  void startService() {
    harness = start(Map.of("QUEUEGATE_MIRROR_MIN_RATE_PER_SEC", "0"));
    api = harness.api;
  }

  @AfterAll
  void stopService() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void positionsFromTheMirror_followLeavesAndJoins_andMatchTheLine() {
    String event = "mirror-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> line = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      line.add(joined(event));
    }
    // The first status call starts the mirror; soon the answers come from it.
    double before = counted("mirror");
    Await.until(
        LIMIT,
        "a status answered from the mirror",
        () -> position(line.get(5)) == 6 && counted("mirror") > before);

    for (int gone : new int[] {9, 4, 0}) {
      assertThat(api.leave(line.remove(gone)).status()).isEqualTo(200);
    }
    line.add(joined(event));
    line.add(joined(event));

    for (int i = line.size() - 1; i >= 0; i--) {
      int expected = i + 1;
      String token = line.get(i);
      Await.until(
          LIMIT, "position " + expected + " from the mirror", () -> position(token) == expected);
    }
    double fromMirror = counted("mirror");
    double fromStore = counted(storeMethod());
    double locates = locateCalls();
    for (int i = 0; i < line.size(); i++) {
      assertThat(position(line.get(i))).isEqualTo(i + 1);
    }
    assertThat(counted("mirror")).isEqualTo(fromMirror + line.size());
    assertThat(counted(storeMethod())).isEqualTo(fromStore);
    // No store round trip per status call: the store ran no locate for them.
    assertThat(locateCalls()).isEqualTo(locates);
  }

  @Test
  void aTokenWithoutItsSealedPlace_isAnsweredByTheStore_atTheSamePosition() {
    String event = "mirror-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> line = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      line.add(joined(event));
    }
    String sealed = line.get(2);
    Await.until(LIMIT, "the mirror caught up", () -> position(sealed) == 3);
    String bare = sealed.substring(0, sealed.lastIndexOf('~'));

    double fromStore = counted(storeMethod());
    assertThat(position(bare)).isEqualTo(3);
    assertThat(counted(storeMethod())).isEqualTo(fromStore + 1);
  }

  @Test
  void aWaiterWhoLeft_getsTheStoresNotFound_fromItsSealedToken() {
    String event = "mirror-" + UUID.randomUUID().toString().substring(0, 8);
    String first = joined(event);
    String second = joined(event);
    Await.until(LIMIT, "the mirror caught up", () -> position(second) == 2);

    assertThat(api.leave(first).status()).isEqualTo(200);

    // Until the mirror applies the leave it still places the waiter, exact as of its version.
    Reply gone =
        Await.until(LIMIT, "the store's 404", () -> api.status(first), r -> r.status() != 200);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("TOKEN_NOT_FOUND");
    Await.until(LIMIT, "the leave in the mirror", () -> position(second) == 1);
  }

  private String joined(String event) {
    Reply join = api.join(event);
    assertThat(join.status()).isEqualTo(202);
    String token = join.body().path("waiting_token").asText();
    // A first-come join seals its place: a 32-character stamp after the waiter id.
    assertThat(token.substring(token.lastIndexOf('~') + 1)).hasSize(32);
    return token;
  }

  private long position(String token) {
    Reply status = api.status(token);
    assertThat(status.status()).isEqualTo(200);
    return status.body().path("position").asLong();
  }

  private double locateCalls() {
    if (!countsStoreCommands()) {
      return 0;
    }
    Matcher m =
        Pattern.compile("(?m)^queue_store_command_seconds_count\\{command=\"locate\"} (\\S+)$")
            .matcher(api.get("/metrics").raw().body());
    assertThat(m.find()).as("the store's locate series").isTrue();
    return Double.parseDouble(m.group(1));
  }

  private double counted(String method) {
    String metrics = api.get("/metrics").raw().body();
    Matcher m =
        Pattern.compile(
                "(?m)^queue_position_calculation_total\\{method=\"" + method + "\"} (\\S+)$")
            .matcher(metrics);
    assertThat(m.find()).as("the %s series", method).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
