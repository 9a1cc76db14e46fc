package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.adapter.redis.Await;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The whole service driven over HTTP as clients would. Subclasses choose the store; every store
 * must pass the same flow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
abstract class EndToEndSuite {
  private ServiceHarness harness;
  private Api api;

  /** Starts the service on the store under test with {@code overrides} applied. */
  protected abstract ServiceHarness start(Map<String, String> overrides);

  @BeforeAll
  void startService() {
    harness =
        start(
            Map.of(
                "QUEUEGATE_REAPER_INTERVAL", "PT0.2S",
                "QUEUEGATE_HEARTBEAT_FLUSH_INTERVAL", "PT0.2S"));
    api = harness.api;
  }

  @AfterAll
  void stopService() {
    if (harness != null) {
      harness.close();
    }
  }

  private static String newEvent() {
    return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void thousandWaiters_enterOnlyWithinTheWindow_andTheirTokensVerifyAgainstTheJwks()
      throws Exception {
    String event = newEvent();
    int window = 10;
    assertThat(
            api.adminPut(
                    event,
                    "{\"ready_window\":"
                        + window
                        + ",\"admission_rate_per_sec\":10000,\"admission_burst\":10000}")
                .status())
        .isEqualTo(200);
    List<String> tokens = joinInOrder(event, 1000);
    JWKSet keys = JWKSet.parse(api.get("/.well-known/jwks.json").raw().body());

    List<Integer> admittedJoinIndex = new ArrayList<>();
    Set<Integer> remaining = new TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      remaining.add(i);
    }
    Random random = new Random(42);
    while (!remaining.isEmpty()) {
      // Clients near the head poll in no particular order and enter as soon as they are told to.
      List<Integer> front =
          new ArrayList<>(remaining).subList(0, Math.min(3 * window, remaining.size()));
      Collections.shuffle(front, random);
      for (int i : front) {
        Reply status = api.status(tokens.get(i));
        assertThat(status.status()).isEqualTo(200);
        if (status.body().path("ready_for_entry").asBoolean()) {
          Reply enter = api.enter(tokens.get(i));
          assertThat(enter.status()).as("enter of a ready waiter").isEqualTo(200);
          verifyAgainstJwks(keys, enter.body().path("reservation_token").asText(), event);
          admittedJoinIndex.add(i);
          remaining.remove(i);
        }
      }
    }
    assertThat(admittedJoinIndex).hasSize(1000).doesNotHaveDuplicates();
    // Windowed FIFO: the k-th admission is always one of the first k + window joiners.
    for (int k = 0; k < admittedJoinIndex.size(); k++) {
      assertThat(admittedJoinIndex.get(k)).as("admission %d", k).isLessThan(k + window);
    }
  }

  @Test
  void readyWindowOfOne_admitsInExactJoinOrder() {
    String event = newEvent();
    assertThat(api.adminPut(event, "{\"ready_window\":1}").status()).isEqualTo(200);
    List<String> tokens = joinInOrder(event, 60);
    List<Integer> order = new ArrayList<>();
    Random random = new Random(7);
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      remaining.add(i);
    }
    while (!remaining.isEmpty()) {
      // Everyone tries to enter, in random order; only the head may.
      List<Integer> attempt = new ArrayList<>(remaining.subList(0, Math.min(5, remaining.size())));
      Collections.shuffle(attempt, random);
      for (int i : attempt) {
        Reply enter = api.enter(tokens.get(i));
        if (enter.status() == 200) {
          order.add(i);
          remaining.remove(Integer.valueOf(i));
        } else {
          assertThat(enter.errorCode()).isEqualTo("NOT_READY");
        }
      }
    }
    assertThat(order).isSorted().hasSize(60);
    // Each admission compared the ETA sealed in its token at join with its wait.
    String metrics = api.get("/metrics").raw().body();
    long compared = 0;
    for (String side : List.of("under", "over")) {
      Matcher count =
          Pattern.compile(
                  "queue_eta_error_percent_count\\{event=\""
                      + Pattern.quote(event)
                      + "\",side=\""
                      + side
                      + "\"} (\\d+)")
              .matcher(metrics);
      compared += count.find() ? Long.parseLong(count.group(1)) : 0;
    }
    assertThat(compared).isEqualTo(60);
  }

  @Test
  void twoThousandConcurrentJoins_getPositionsOneToTwoThousandWithoutGaps() throws Exception {
    String event = newEvent();
    List<Reply> replies = concurrently(2000, i -> api.join(event));
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(202));
    List<Long> positions =
        replies.stream().map(r -> r.body().path("position_hint").asLong()).sorted().toList();
    List<Long> expected = new ArrayList<>();
    for (long p = 1; p <= 2000; p++) {
      expected.add(p);
    }
    assertThat(positions).isEqualTo(expected);
    assertThat(api.status(replies.get(0).body().path("waiting_token").asText()).status())
        .isEqualTo(200);
  }

  @Test
  void fiftyConcurrentEntersOnOneToken_admitExactlyOnce() throws Exception {
    String event = newEvent();
    String token = api.join(event).body().path("waiting_token").asText();
    List<Reply> replies = concurrently(50, i -> api.enter(token));
    assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
    assertThat(replies.stream().filter(r -> r.status() != 200))
        .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("TOKEN_NOT_FOUND"));
    assertThat(api.adminGet(event).body().path("stats").path("admitted").asLong()).isEqualTo(1);
  }

  @Test
  void silentWaiter_isReapedByTheService_andThenGetsTokenExpired() throws Exception {
    String event = newEvent();
    assertThat(api.adminPut(event, "{\"heartbeat_timeout_sec\":3}").status()).isEqualTo(200);
    String silent = api.join(event).body().path("waiting_token").asText();
    String lively = api.join(event).body().path("waiting_token").asText();

    // Nobody calls on behalf of the silent waiter; the lively one keeps polling until the
    // reaper has taken the silent one, with a deadline instead of a fixed sleep.
    Instant deadline = Instant.now().plusSeconds(20);
    long expired = 0;
    while (expired == 0 && Instant.now().isBefore(deadline)) {
      assertThat(api.status(lively).status()).isEqualTo(200);
      expired = api.adminGet(event).body().path("stats").path("expired").asLong();
      Thread.onSpinWait();
    }
    assertThat(expired).isEqualTo(1);
    // Status is exact as of the instance's mirror (docs/design.md#line-mirror), which hears of
    // the reap within its lag: the 404 comes within the staleness bound, not necessarily at once.
    Reply gone =
        Await.until(
            Duration.ofSeconds(2),
            "the reaped waiter's 404",
            () -> api.status(silent),
            r -> r.status() == 404);
    assertThat(gone.errorCode()).isEqualTo("TOKEN_EXPIRED");
    Reply alive = api.status(lively);
    assertThat(alive.status()).isEqualTo(200);
    assertThat(alive.body().path("position").asLong()).isEqualTo(1);
  }

  private List<String> joinInOrder(String event, int n) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Reply r = api.join(event);
      assertThat(r.status()).isEqualTo(202);
      assertThat(r.body().path("position_hint").asLong()).isEqualTo(i + 1);
      tokens.add(r.body().path("waiting_token").asText());
    }
    return tokens;
  }

  private static void verifyAgainstJwks(JWKSet keys, String jwt, String event) throws Exception {
    SignedJWT parsed = SignedJWT.parse(jwt);
    var key = keys.getKeyByKeyId(parsed.getHeader().getKeyID());
    assertThat(key).as("kid published in the JWKS").isNotNull();
    assertThat(parsed.verify(new ECDSAVerifier(key.toECKey()))).isTrue();
    assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly(event);
    assertThat(parsed.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
  }

  /** Runs {@code n} calls at once behind a start gate and returns every reply. */
  static List<Reply> concurrently(int n, java.util.function.IntFunction<Reply> call)
      throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Reply>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  gate.await();
                  return call.apply(index);
                }));
      }
      gate.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> f : futures) {
        replies.add(
            f.get(Duration.ofMinutes(2).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
      }
      return replies;
    }
  }
}
