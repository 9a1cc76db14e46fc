package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Proof of work at join on two instances sharing one Redis standalone (docs/design.md#bots): a
 * solved challenge joins once, anywhere; no, wrong, expired, other-event and replayed solutions are
 * refused with 403; events without the policy join as before; a flood from one /24 (behind a
 * trusted proxy) raises that prefix's difficulty only. The in-memory store runs the basic path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProofOfWorkIT {
  private static final String SECRET = "it-proof-of-work-secret-0123456789abcdef";
  private ServiceHarness first;
  private ServiceHarness second;

  @BeforeAll
  void start() {
    Map<String, String> env =
        new HashMap<>(RedisEnv.standalone(RedisServers.standalone().address()));
    env.put("QUEUEGATE_PROOF_OF_WORK_SECRET", SECRET);
    // The tests' own client address is the proxy, so X-Forwarded-For names the client.
    env.put("QUEUEGATE_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1/32");
    first = ServiceHarness.start(env);
    second = ServiceHarness.start(env);
  }

  @AfterAll
  void stop() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  private String powEvent() {
    String event = "pow-" + UUID.randomUUID().toString().substring(0, 8);
    Reply put =
        first.api.adminPut(
            event, "{\"require_proof_of_work\":true,\"proof_of_work_difficulty\":2000}");
    assertThat(put.status()).as("policy: %s", put.body()).isEqualTo(200);
    return event;
  }

  private Reply challenge(Api api, String event) {
    Reply c = api.get("/api/v1/queue/challenge?event_id=" + event);
    assertThat(c.status()).as("challenge: %s", c.body()).isEqualTo(200);
    return c;
  }

  @Test
  void solvedChallenge_joins_andItsReplayOnTheOtherInstance_isRefused() {
    String event = powEvent();
    String solution = AltchaClient.solve(challenge(first.api, event).body());

    Reply joined = first.api.joinWithProofOfWork(event, solution);
    Reply replayed = second.api.joinWithProofOfWork(event, solution);

    assertThat(joined.status()).as("join: %s", joined.body()).isEqualTo(202);
    assertThat(replayed.status()).isEqualTo(403);
    assertThat(replayed.errorCode()).isEqualTo("INVALID_PROOF_OF_WORK");
    assertThat(replayed.body().path("error").path("message").asText()).contains("already used");
  }

  @Test
  void inMemoryStore_solvedChallengeJoinsOnce_andItsReplayIsRefused() {
    try (ServiceHarness memory =
        ServiceHarness.start(Map.of("QUEUEGATE_PROOF_OF_WORK_SECRET", SECRET))) {
      String event = "pow-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(
              memory
                  .api
                  .adminPut(
                      event, "{\"require_proof_of_work\":true,\"proof_of_work_difficulty\":2000}")
                  .status())
          .isEqualTo(200);
      String solution = AltchaClient.solve(challenge(memory.api, event).body());

      Reply joined = memory.api.joinWithProofOfWork(event, solution);
      Reply replayed = memory.api.joinWithProofOfWork(event, solution);
      Reply without = memory.api.join(event);

      assertThat(joined.status()).as("join: %s", joined.body()).isEqualTo(202);
      assertThat(replayed.status()).isEqualTo(403);
      assertThat(replayed.body().path("error").path("message").asText()).contains("already used");
      assertThat(without.status()).isEqualTo(403);
      assertThat(without.errorCode()).isEqualTo("PROOF_OF_WORK_REQUIRED");
    }
  }

  @Test
  void floodFromOnePrefix_raisesItsMaxnumber_whileAnotherPrefixGetsTheBase() {
    String event = powEvent();
    long first = maxnumberFor(event, "203.0.113.1");
    long last = first;
    // 120 challenges in a moment from addresses of one /24: its rate (each adds 1/window) is far
    // above the 2 a second allowed, whichever address of the prefix asks.
    for (int i = 0; i < 120; i++) {
      last = maxnumberFor(event, "203.0.113." + (2 + i));
    }
    long other = maxnumberFor(event, "198.51.100.7");

    assertThat(first).isEqualTo(2000);
    assertThat(last).isGreaterThanOrEqualTo(4 * 2000);
    assertThat(other).isEqualTo(2000);
  }

  private long maxnumberFor(String event, String clientAddress) {
    Reply c =
        first.api.raw(
            "GET",
            "/api/v1/queue/challenge?event_id=" + event,
            new byte[0],
            "X-Forwarded-For",
            clientAddress);
    assertThat(c.status()).as("challenge: %s", c.body()).isEqualTo(200);
    return c.body().path("maxnumber").asLong();
  }

  @Test
  void challengeIssuedByOneInstance_isAcceptedByTheOther() {
    String event = powEvent();
    String solution = AltchaClient.solve(challenge(first.api, event).body());

    assertThat(second.api.joinWithProofOfWork(event, solution).status()).isEqualTo(202);
  }

  @Test
  void joinWithoutSolution_is403ProofOfWorkRequired() {
    String event = powEvent();

    Reply r = first.api.join(event);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("PROOF_OF_WORK_REQUIRED");
  }

  @Test
  void wrongNumber_is403InvalidProofOfWork() {
    String event = powEvent();
    var c = challenge(first.api, event).body();
    String solved = AltchaClient.solve(c);
    long right = number(solved);

    Reply r = first.api.joinWithProofOfWork(event, AltchaClient.payload(c, right + 1));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("INVALID_PROOF_OF_WORK");
    assertThat(r.body().path("error").path("message").asText()).contains("wrong number");
  }

  @Test
  void challengeOfAnotherEvent_is403InvalidProofOfWork() {
    String event = powEvent();
    String other = powEvent();
    String solution = AltchaClient.solve(challenge(first.api, other).body());

    Reply r = first.api.joinWithProofOfWork(event, solution);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("INVALID_PROOF_OF_WORK");
    assertThat(r.body().path("error").path("message").asText()).contains("another event");
  }

  @Test
  void expiredChallenge_is403InvalidProofOfWork() {
    String event = powEvent();
    long past = Instant.now().minusSeconds(5).getEpochSecond();
    String expired =
        AltchaClient.forged(SECRET, "0011aabb?expires=" + past + "&event=" + event + "&", 17);

    Reply r = first.api.joinWithProofOfWork(event, expired);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("INVALID_PROOF_OF_WORK");
    assertThat(r.body().path("error").path("message").asText()).contains("expired");
  }

  @Test
  void forgedWithTheRightSecretAndUnexpired_isAccepted_soTheExpiryTestTestsExpiry() {
    String event = powEvent();
    long future = Instant.now().plusSeconds(60).getEpochSecond();
    String fresh =
        AltchaClient.forged(
            SECRET, UUID.randomUUID() + "?expires=" + future + "&event=" + event + "&", 17);

    assertThat(first.api.joinWithProofOfWork(event, fresh).status()).isEqualTo(202);
  }

  @Test
  void eventWithoutThePolicy_joinsWithoutSolution() {
    String event = "plain-" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(first.api.join(event).status()).isEqualTo(202);
  }

  @Test
  void metrics_countIssuedSolvedAndRefusedPerEvent() {
    String event = powEvent();
    String solution = AltchaClient.solve(challenge(first.api, event).body());
    first.api.joinWithProofOfWork(event, solution);
    first.api.joinWithProofOfWork(event, solution);
    first.api.join(event);

    String metrics = first.api.get("/metrics").raw().body();

    assertThat(metrics)
        .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"issued\"} 1.0")
        .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"solved\"} 1.0")
        .contains("queue_pow_challenges_total{event=\"" + event + "\",outcome=\"refused\"} 2.0")
        .contains("queue_pow_refusals_total{event=\"" + event + "\",reason=\"spent\"} 1.0")
        .contains("queue_pow_refusals_total{event=\"" + event + "\",reason=\"missing\"} 1.0");
  }

  private static long number(String payload) {
    try {
      return Api.JSON
          .readTree(java.util.Base64.getDecoder().decode(payload))
          .path("number")
          .asLong();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
