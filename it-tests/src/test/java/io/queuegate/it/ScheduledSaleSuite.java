package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.queuegate.adapter.redis.Await;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A scheduled sale driven over HTTP as buyers and an operator would (docs/design.md#pre-queue):
 * refused before the pre-queue, the pre-queue's answers, the public value, and the opening, whose
 * order the test recomputes from what the shuffle endpoint publishes (docs/fairness.md#order).
 * Subclasses choose the store; every store must pass the same flow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
abstract class ScheduledSaleSuite {
  private static final Duration OPENING_LIMIT = Duration.ofSeconds(30);
  private static final int PRE_QUEUE = 12;

  private ServiceHarness harness;
  private Api api;

  /** Starts the service on the store under test with {@code overrides} applied. */
  protected abstract ServiceHarness start(Map<String, String> overrides);

  @BeforeAll
  void startService() {
    harness = start(Map.of());
    api = harness.api;
  }

  @AfterAll
  void stopService() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void joinBeforeThePreQueue_is403SaleNotStarted_withTheScheduleInDetails() {
    String event = newEvent();
    Instant start = soon().plus(Duration.ofHours(1));
    Instant opens = start.plus(Duration.ofHours(1));
    putSchedule(event, start, opens, null, 10);

    Reply early = api.join(event);

    assertThat(early.status()).isEqualTo(403);
    assertThat(early.errorCode()).isEqualTo("SALE_NOT_STARTED");
    JsonNode details = early.body().path("error").path("details");
    assertThat(Instant.parse(details.path("pre_queue_starts_at").asText())).isEqualTo(start);
    assertThat(Instant.parse(details.path("opens_at").asText())).isEqualTo(opens);
    // The commitment is public from the moment the schedule is set, the seed is not.
    JsonNode shuffle = shuffleOf(event);
    assertThat(shuffle.path("phase").asText()).isEqualTo("pre_queue");
    assertThat(shuffle.path("commitment").asText()).matches("[0-9a-f]{64}");
    assertThat(shuffle.has("seed")).isFalse();

    // Until the pre-queue starts its start may still move, and then joins enter it.
    putSchedule(event, soon(), opens, null, 10);
    Reply joined = api.join(event);
    assertThat(joined.status()).isEqualTo(202);
    assertThat(joined.body().path("phase").asText()).isEqualTo("pre_queue");
  }

  @Test
  void eventWithoutSchedule_hasNoShuffle() {
    String event = newEvent();
    assertThat(api.adminPut(event, "{\"ready_window\":5}").status()).isEqualTo(200);

    Reply shuffle = api.get("/api/v1/events/" + event + "/shuffle");

    assertThat(shuffle.status()).isEqualTo(404);
    assertThat(shuffle.errorCode()).isEqualTo("SHUFFLE_NOT_FOUND");
  }

  @Test
  void theOpening_placesThePreQueueInThePublishedOrder_aheadOfALaterJoiner() {
    String event = newEvent();
    Instant start = soon();
    putSchedule(event, start, start.plus(Duration.ofHours(1)), "it draw", 1);
    String commitment = shuffleOf(event).path("commitment").asText();

    // The pre-queue: every answer says so, with the opening, in the old client's types.
    List<String> tokens = new ArrayList<>();
    List<String> entrants = new ArrayList<>();
    for (int i = 0; i < PRE_QUEUE; i++) {
      Reply joined = api.join(event);
      assertThat(joined.status()).isEqualTo(202);
      assertThat(joined.body().path("phase").asText()).isEqualTo("pre_queue");
      String token = joined.body().path("waiting_token").asText();
      String entrant = joined.body().path("entrant_id").asText();
      assertThat(entrant).isEqualTo(ShuffleCheck.entrantIdOf(token));
      tokens.add(token);
      entrants.add(entrant);
    }
    Reply waiting = api.status(tokens.get(0));
    assertThat(waiting.status()).isEqualTo(200);
    assertPreQueueStatus(waiting.body(), start.plus(Duration.ofHours(1)));
    Reply early = api.enter(tokens.get(0));
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.errorCode()).isEqualTo("NOT_READY");
    assertThat(early.raw().headers().firstValue("Retry-After")).isPresent();

    // The operator's public value: once, the same value again is no change, another is refused.
    assertThat(api.adminPutPublicValue(event, "7 12 19").status()).isEqualTo(200);
    assertThat(api.adminPutPublicValue(event, "7 12 19").status()).isEqualTo(200);
    Reply other = api.adminPutPublicValue(event, "8 13 20");
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.errorCode()).isEqualTo("SHUFFLE_LOCKED");

    // The opening, moved to a moment just ahead; the shuffle endpoint opens it once it is due.
    Instant opens = Instant.now().plus(Duration.ofSeconds(2)).truncatedTo(ChronoUnit.MILLIS);
    putSchedule(event, start, opens, "it draw", 1);
    JsonNode shuffle =
        Await.until(
            OPENING_LIMIT,
            "the shuffle to open",
            () -> shuffleOf(event),
            s -> s.path("phase").asText().equals("open"));
    assertThat(Instant.parse(shuffle.path("opened_at").asText())).isAfterOrEqualTo(opens);
    assertThat(shuffle.path("pre_queue_entrants").asLong()).isEqualTo(PRE_QUEUE);
    assertThat(shuffle.path("public_value").asText()).isEqualTo("7 12 19");
    String seed = shuffle.path("seed").asText();
    assertThat(ShuffleCheck.commitmentOf(seed)).isEqualTo(commitment);
    String key = ShuffleCheck.effectiveKey(seed, "7 12 19");
    assertThat(shuffle.path("effective_key").asText()).isEqualTo(key);
    List<String> order = ShuffleCheck.order(key, entrants);

    Reply later = api.join(event);
    assertThat(later.status()).isEqualTo(202);
    assertThat(later.body().path("phase").asText()).isEqualTo("line");
    assertThat(later.body().path("position_hint").asLong()).isEqualTo(PRE_QUEUE + 1);
    String laterToken = later.body().path("waiting_token").asText();

    Map<String, String> tokenOf = new HashMap<>();
    for (int i = 0; i < PRE_QUEUE; i++) {
      tokenOf.put(entrants.get(i), tokens.get(i));
    }
    for (int place = 0; place < PRE_QUEUE; place++) {
      JsonNode status = api.status(tokenOf.get(order.get(place))).body();
      assertThat(status.path("position").asLong()).as("place %d", place + 1).isEqualTo(place + 1);
      assertThat(status.path("phase").asText()).isEqualTo("line");
    }
    // With a window of one, each enters only at the head: the published order, then the later
    // joiner.
    for (String entrant : order) {
      assertThat(api.enter(laterToken).status()).isEqualTo(403);
      assertThat(api.enter(tokenOf.get(entrant)).status()).as("enter %s", entrant).isEqualTo(200);
    }
    assertThat(api.enter(laterToken).status()).isEqualTo(200);

    // After the opening the public value and the schedule are fixed.
    Reply tooLate = api.adminPutPublicValue(event, "7 12 19");
    assertThat(tooLate.status()).isEqualTo(409);
    assertThat(tooLate.errorCode()).isEqualTo("SHUFFLE_LOCKED");
    Reply moved = putScheduleReply(event, start, opens.plus(Duration.ofHours(1)), "it draw", 1);
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.errorCode()).isEqualTo("INVALID_POLICY");
  }

  private static void assertPreQueueStatus(JsonNode status, Instant opens) {
    assertThat(status.path("status").asText()).isEqualTo("waiting");
    assertThat(status.path("phase").asText()).isEqualTo("pre_queue");
    assertThat(Instant.parse(status.path("opens_at").asText())).isEqualTo(opens);
    // The old client's fields keep their JSON types: it shows the pre-queue's size and polls.
    assertThat(status.path("position").isIntegralNumber()).isTrue();
    assertThat(status.path("position").asLong()).isEqualTo(PRE_QUEUE);
    assertThat(status.path("eta_sec").isIntegralNumber()).isTrue();
    assertThat(status.path("waiting_time").isIntegralNumber()).isTrue();
    assertThat(status.path("poll_after_ms").isIntegralNumber()).isTrue();
    assertThat(status.path("ready_for_entry").isBoolean()).isTrue();
    assertThat(status.path("ready_for_entry").asBoolean()).isFalse();
  }

  private JsonNode shuffleOf(String event) {
    Reply reply = api.get("/api/v1/events/" + event + "/shuffle");
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  private void putSchedule(
      String event, Instant start, Instant opens, String source, int readyWindow) {
    Reply reply = putScheduleReply(event, start, opens, source, readyWindow);
    assertThat(reply.status()).as("policy: %s", reply.body()).isEqualTo(200);
  }

  private Reply putScheduleReply(
      String event, Instant start, Instant opens, String source, int readyWindow) {
    return api.adminPut(
        event,
        "{\"ready_window\":"
            + readyWindow
            + ",\"admission_rate_per_sec\":1000,\"admission_burst\":1000"
            + ",\"pre_queue_starts_at\":\""
            + start
            + "\",\"opens_at\":\""
            + opens
            + "\""
            + (source == null ? "" : ",\"shuffle_public_value_source\":\"" + source + "\"")
            + "}");
  }

  // Whole seconds, at or before now: the pre-queue has started.
  private static Instant soon() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String newEvent() {
    return "sale-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
