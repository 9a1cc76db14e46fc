package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.SaleNotStarted;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.ShuffleView;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduled sales over HTTP: the shuffle before and after the opening with its cache headers, the
 * operator's public value, a join refused before the pre-queue and a join into it.
 */
class ShuffleRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final EventId EVENT = new EventId("sale-1");
  private static final String SHUFFLE = Routes.SHUFFLE.replace("{event_id}", "sale-1");
  private static final String VALUE = "/api/v1/admin/events/sale-1/shuffle/public-value";
  private static final ShuffleSeed SEED = ShuffleSeed.random();
  private static final SaleSchedule LATER =
      new SaleSchedule(
          Instant.parse("2099-01-10T08:00:00Z"),
          Instant.parse("2099-01-10T09:00:00Z"),
          Optional.of("lottery draw #123"));

  private static final Instant BEFORE = Instant.parse("2099-01-10T07:00:00Z");
  private static final Instant AFTER = Instant.parse("2099-01-10T09:00:01Z");

  private final Api api = FIX.api();

  @Test
  void beforeTheOpening_onlyTheCommitmentShows_cachedBriefly() {
    when(FIX.useCases.shuffle().describe(EVENT))
        .thenReturn(
            ShuffleView.of(EVENT, LATER, ShuffleState.sealed(SEED, Optional.empty()), BEFORE));

    Exchange res = api.get(SHUFFLE).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("commitment").asText()).isEqualTo(SEED.commitment());
    assertThat(res.json().path("phase").asText()).isEqualTo("pre_queue");
    assertThat(res.json().path("public_value_source").asText()).isEqualTo("lottery draw #123");
    assertThat(res.json().has("seed")).isFalse();
    assertThat(res.json().has("effective_key")).isFalse();
    assertThat(res.body()).doesNotContain(SEED.hex());
    assertThat(res.header("Cache-Control")).isEqualTo("public, max-age=5");
  }

  @Test
  void afterTheOpening_theSeedAndKeyShow_cachedLong() {
    ShuffleState opened =
        new ShuffleState(
            SEED, Optional.of("7 12 19"), Optional.of(Instant.parse("2026-01-10T09:00:00Z")), 42);
    when(FIX.useCases.shuffle().describe(EVENT))
        .thenReturn(ShuffleView.of(EVENT, LATER, opened, AFTER));

    Exchange res = api.get(SHUFFLE).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("seed").asText()).isEqualTo(SEED.hex());
    assertThat(res.json().path("effective_key").asText()).isEqualTo(opened.key().hex());
    assertThat(res.json().path("public_value").asText()).isEqualTo("7 12 19");
    assertThat(res.json().path("pre_queue_entrants").asLong()).isEqualTo(42);
    assertThat(res.json().path("phase").asText()).isEqualTo("open");
    assertThat(res.header("Cache-Control")).isEqualTo("public, max-age=3600");
  }

  @Test
  void thePublicValue_needsTheOperator_andIsRefusedWhenLocked() {
    String body = "{\"public_value\":\"7 12 19\"}";
    assertThat(api.put(VALUE).send(body).status()).isEqualTo(401);

    when(FIX.useCases.publicValue().setPublicValue(eq(EVENT), eq("7 12 19")))
        .thenReturn(
            ShuffleView.of(
                EVENT, LATER, ShuffleState.sealed(SEED, Optional.of("7 12 19")), BEFORE));
    Exchange ok =
        api.put(VALUE).header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).send(body);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("public_value").asText()).isEqualTo("7 12 19");

    when(FIX.useCases.publicValue().setPublicValue(eq(EVENT), eq("other")))
        .thenThrow(new ShuffleLocked("another public value was set before"));
    Exchange locked =
        api.put(VALUE)
            .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
            .send("{\"public_value\":\"other\"}");
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.json().path("error").path("code").asText()).isEqualTo("SHUFFLE_LOCKED");
  }

  @Test
  void aJoinBeforeThePreQueue_is403WithTheOpeningTimesInTheDetails() {
    when(FIX.useCases.join().join(any())).thenThrow(new SaleNotStarted(LATER));

    Exchange res =
        api.post(Routes.JOIN).idempotencyKey().send("{\"event_id\":\"sale-1\",\"user_id\":\"a\"}");

    assertThat(res.status()).isEqualTo(403);
    assertThat(res.json().path("error").path("code").asText()).isEqualTo("SALE_NOT_STARTED");
    assertThat(res.json().path("error").path("details").path("opens_at").asText())
        .isEqualTo("2099-01-10T09:00:00Z");
    assertThat(res.json().path("error").path("details").path("pre_queue_starts_at").asText())
        .isEqualTo("2099-01-10T08:00:00Z");
  }

  @Test
  void aJoinIntoThePreQueue_carriesTheEntrantIdThePhaseAndTheOpening() {
    WaitingToken token = new WaitingToken(EVENT, WaiterId.random());
    when(FIX.useCases.join().join(any()))
        .thenReturn(
            new JoinReceipt(
                token,
                12,
                3600,
                30_000,
                3600,
                3600,
                "",
                EntrantId.of(token.waiterId()),
                true,
                Optional.of(LATER.opensAt()),
                Optional.empty()));

    Exchange res =
        api.post(Routes.JOIN).idempotencyKey().send("{\"event_id\":\"sale-1\",\"user_id\":\"a\"}");

    assertThat(res.status()).isEqualTo(202);
    assertThat(res.json().path("entrant_id").asText())
        .isEqualTo(EntrantId.of(token.waiterId()).value());
    assertThat(res.json().path("phase").asText()).isEqualTo("pre_queue");
    assertThat(res.json().path("opens_at").asText()).isEqualTo("2099-01-10T09:00:00Z");
  }
}
