package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaitingToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every JSON answer, success or error, tells caches not to keep it and browsers not to sniff it;
 * the routes with a cache policy of their own keep theirs.
 */
class JsonHeadersRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final WaitingToken TOKEN =
      new WaitingToken(new EventId("concert"), WaiterId.random());

  private final Api api = FIX.api();

  private static void assertJsonHeaders(Exchange res) {
    assertThat(res.header("Content-Type")).startsWith("application/json");
    assertThat(res.header("Cache-Control")).isEqualTo("no-store");
    assertThat(res.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void successfulJoin_isNoStoreAndNosniff() {
    when(FIX.useCases.join().join(any())).thenReturn(Answers.receipt(TOKEN, 1, 2, 1000));

    Exchange res =
        api.post(Routes.JOIN).idempotencyKey().send("{\"event_id\":\"concert\",\"user_id\":\"u\"}");

    assertThat(res.status()).isEqualTo(202);
    assertJsonHeaders(res);
  }

  @Test
  void replayedJoin_isNoStoreAndNosniff() {
    doReturn(
            new IdempotencyOutcome(
                new IdempotencyReply(
                    true,
                    "202 {\"waiting_token\":\"concert~AAAAAAAAAAAAAAAAAAAAAA\",\"position_hint\":1,"
                        + "\"status\":\"waiting\",\"eta_sec\":1,\"poll_after_ms\":500}"),
                true))
        .when(FIX.useCases.idempotency())
        .runOnce(anyString(), anyString(), anyString(), any());

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send("{\"event_id\":\"concert\"}");

    assertThat(res.header("X-Idempotency-Cached")).isEqualTo("true");
    assertJsonHeaders(res);
  }

  @Test
  void errorsOfEveryOrigin_areNoStoreAndNosniff() {
    when(FIX.useCases.status().status(any())).thenThrow(new WaiterNotFound());

    assertJsonHeaders(api.get(Routes.STATUS).query("token", TOKEN.encode()).send());
    assertJsonHeaders(api.get(Routes.STATUS).send());
    assertJsonHeaders(api.get("/api/v1/nothing-here").send());
    assertJsonHeaders(api.put(Routes.JOIN).send("{}"));
    assertJsonHeaders(api.get(Routes.ADMIN_EVENTS + "/concert").send());
  }

  @Test
  void rateLimitedAnswer_isNoStoreAndNosniff() {
    when(FIX.useCases.rateLimit().acquire(any()))
        .thenReturn(new RateDecision(false, 20, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)));

    Exchange res = api.get(Routes.STATUS).query("token", TOKEN.encode()).send();

    assertThat(res.status()).isEqualTo(429);
    assertJsonHeaders(res);
  }

  @Test
  void operationsAnswers_areNoStoreAndNosniff() {
    assertJsonHeaders(api.get(Routes.HEALTHZ).send());
    assertJsonHeaders(api.get(Routes.VERSION).send());
  }

  @Test
  void publicKeySet_keepsItsPublicCachePolicy() {
    when(FIX.useCases.keys().jwksJson()).thenReturn("{\"keys\":[]}");

    Exchange res = api.get(Routes.JWKS).send();

    assertThat(res.header("Cache-Control")).isEqualTo("max-age=300");
    assertThat(res.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void waitingPageAssets_keepTheirCachePolicy() {
    Exchange res = api.get(Routes.PAGE_SCRIPT).send();

    assertThat(res.header("Cache-Control")).isEqualTo("public, max-age=300");
  }
}
