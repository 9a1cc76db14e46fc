package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaitingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cross-origin calls by the CORS protocol of the Fetch standard: a configured origin's preflight is
 * answered and its answers are readable; any other origin, and every route outside the queue API,
 * gets no CORS header.
 */
class CorsRoutesTest {
  private static final String SHOP = "https://shop.example";
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.allowingOrigins(SHOP + "/");
  private static final WaitingToken TOKEN =
      new WaitingToken(new EventId("concert"), WaiterId.random());
  private static final String JOIN_BODY = "{\"event_id\":\"concert\",\"user_id\":\"u\"}";

  private final Api api = FIX.api();

  private Exchange preflight(String path, String origin, String method) {
    return api.method("OPTIONS", path)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", "content-type,idempotency-key,x-trace-id")
        .send();
  }

  @Test
  void preflightFromAnAllowedOrigin_is204WithWhatTheBrowserNeeds() {
    Exchange res = preflight(Routes.JOIN, SHOP, "POST");

    assertThat(res.status()).isEqualTo(204);
    assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
    assertThat(res.header("Vary")).isEqualTo("Origin");
    assertThat(res.header("Access-Control-Allow-Methods")).contains("POST", "GET", "DELETE");
    assertThat(res.header("Access-Control-Allow-Headers"))
        .contains("Content-Type", "Idempotency-Key", "X-Trace-Id", "X-Request-ID", "Authorization");
    assertThat(res.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(res.body()).isEmpty();
    // A preflight is answered before the rate limit and never reaches a use case.
    verifyNoInteractions(FIX.useCases.rateLimit(), FIX.useCases.join());
  }

  @Test
  void everyQueueRoute_answersThePreflight() {
    for (String path : new String[] {Routes.STATUS, Routes.ENTER, Routes.LEAVE, Routes.EVENTS}) {
      assertThat(preflight(path, SHOP, "GET").status()).as(path).isEqualTo(204);
    }
  }

  @Test
  void actualRequestFromAnAllowedOrigin_isReadableWithItsHeaders() {
    when(FIX.useCases.join().join(any())).thenReturn(Answers.receipt(TOKEN, 1, 2, 1000));

    Exchange res = api.post(Routes.JOIN).idempotencyKey().header("Origin", SHOP).send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(202);
    assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
    assertThat(res.header("Vary")).isEqualTo("Origin");
    assertThat(res.header("Access-Control-Expose-Headers"))
        .contains(
            "X-Request-ID",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-Idempotency-Cached");
  }

  @Test
  void errorAnswerToAnAllowedOrigin_isReadableToo() {
    when(FIX.useCases.status().status(any())).thenThrow(new WaiterNotFound());

    Exchange res =
        api.get(Routes.STATUS).query("token", TOKEN.encode()).header("Origin", SHOP).send();

    assertThat(res.status()).isEqualTo(404);
    assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
  }

  @Test
  void otherOrigins_getNoCorsHeaderAndThePreflightIsRefused() {
    for (String origin :
        new String[] {
          "https://evil.example",
          "http://shop.example",
          "https://shop.example:8443",
          "null",
          "https://shop.example.evil.example"
        }) {
      Exchange preflight = preflight(Routes.JOIN, origin, "POST");
      assertThat(preflight.status()).as(origin).isEqualTo(405);
      assertThat(preflight.header("Access-Control-Allow-Origin")).as(origin).isNull();
      assertThat(preflight.header("Access-Control-Allow-Methods")).as(origin).isNull();

      Exchange actual = api.get(Routes.STATUS).query("token", "x").header("Origin", origin).send();
      assertThat(actual.header("Access-Control-Allow-Origin")).as(origin).isNull();
      assertThat(actual.header("Vary")).as(origin).isEqualTo("Origin");
    }
  }

  @Test
  void routesOutsideTheQueueApi_neverTakePart() {
    for (String path :
        new String[] {
          Routes.VERIFY,
          Routes.JWKS,
          Routes.HEALTHZ,
          Routes.ADMIN_EVENTS + "/concert",
          "/wait/concert"
        }) {
      Exchange preflight = preflight(path, SHOP, "POST");
      assertThat(preflight.status()).as(path).isNotEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).isNull();
    }
    Exchange health = api.get(Routes.HEALTHZ).header("Origin", SHOP).send();
    assertThat(health.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void withoutConfiguredOrigins_nothingChanges() {
    RoutingFixture none = RoutingFixture.withoutOperatorApi();
    none.reset();
    Exchange res;
    try {
      res =
          none.api()
              .method("OPTIONS", Routes.JOIN)
              .header("Origin", SHOP)
              .header("Access-Control-Request-Method", "POST")
              .send();
    } finally {
      none.client().close();
    }

    assertThat(res.status()).isEqualTo(405);
    assertThat(res.header("Access-Control-Allow-Origin")).isNull();
    assertThat(res.header("Vary")).isNull();
  }
}
