package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.DuplicateRequest;
import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.IdempotencyConflict;
import io.queuegate.domain.model.InvalidEnqueueToken;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The error envelope on every failure path: domain failures, bad input, Helidon's own errors. */
class ErrorEnvelopeRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withoutOperatorApi();
  private static final String JOIN_BODY = "{\"event_id\":\"concert\"}";

  private final Api api = FIX.api();

  static Stream<Arguments> joinFailures() {
    Supplier<QueueException> store =
        () -> new StoreUnavailableException("redis at 10.1.2.3 down", null);
    return Stream.of(
        Arguments.of((Supplier<QueueException>) EventPaused::new, 403, "EVENT_PAUSED", null),
        Arguments.of(
            (Supplier<QueueException>) () -> new QueueFull(Duration.ofSeconds(10)),
            503,
            "QUEUE_FULL",
            "10"),
        Arguments.of(
            (Supplier<QueueException>) EnqueueTokenRequired::new,
            401,
            "ENQUEUE_TOKEN_REQUIRED",
            null),
        Arguments.of(
            (Supplier<QueueException>) () -> new InvalidEnqueueToken("bad sig"),
            401,
            "INVALID_ENQUEUE_TOKEN",
            null),
        Arguments.of(store, 503, "SERVICE_UNAVAILABLE", "1"));
  }

  @ParameterizedTest
  @MethodSource("joinFailures")
  void joinFailure_isMappedToItsStatusCodeAndHeaders(
      Supplier<QueueException> failure, int status, String code, String retryAfter) {
    when(FIX.useCases.join().join(any())).thenThrow(failure.get());

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(status);
    assertThat(res.errorCode()).isEqualTo(code);
    assertThat(res.header("Retry-After")).isEqualTo(retryAfter);
    assertThat(res.body()).doesNotContain("10.1.2.3").doesNotContain("bad sig");
  }

  @Test
  void idempotencyConflictAndDuplicate_return409() {
    doThrow(new IdempotencyConflict(), new DuplicateRequest())
        .when(FIX.useCases.idempotency())
        .runOnce(anyString(), anyString(), anyString(), any());

    assertThat(api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY).errorCode())
        .isEqualTo("IDEMPOTENCY_CONFLICT");
    Exchange duplicate = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_REQUEST");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event_id\":\"\"}|MISSING_EVENT_ID",
        "{}|MISSING_EVENT_ID",
        "{\"event_id\":\"a{b}\"}|INVALID_EVENT_ID",
        "{\"event_id\":\"a b\"}|INVALID_EVENT_ID",
        "{\"event_id\":\"ok\",\"user_id\":\"a\\u0007b\"}|INVALID_USER_ID",
        "{\"event_id\":|INVALID_REQUEST",
        "[1,2]|INVALID_REQUEST",
        "\"concert\"|INVALID_REQUEST",
        "null|INVALID_REQUEST",
        "|INVALID_REQUEST",
        "{\"event_id\":5}|INVALID_REQUEST",
        "{\"event_id\":[\"x\"]}|INVALID_REQUEST",
        "{\"event_id\":\"a\"} {}|INVALID_REQUEST"
      })
  void joinWithBadBody_returns400WithCode(String bodyAndCode) {
    String[] parts = bodyAndCode.split("\\|", -1);

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(parts[0]);

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo(parts[1]);
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void bodyOverLimit_returns413PayloadTooLarge() {
    String big = "{\"event_id\":\"concert\",\"user_id\":\"" + "x".repeat(9000) + "\"}";

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(big);

    assertThat(res.status()).isEqualTo(413);
    assertThat(res.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void chunkedBodyOverLimit_isCutAtLimitAndReturns413() {
    byte[] big = ("{\"event_id\":\"" + "x".repeat(9000) + "\"}").getBytes(StandardCharsets.UTF_8);

    Exchange res = api.post(Routes.JOIN).idempotencyKey().sendChunked(big);

    assertThat(res.status()).isEqualTo(413);
    assertThat(res.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void unknownRoute_returns404NotFoundInEnvelope() {
    Exchange res = api.get("/api/v1/nothing-here").send();

    assertThat(res.status()).isEqualTo(404);
    assertThat(res.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void adminRoutesWithoutConfiguredToken_do_not_exist() {
    Exchange res =
        api.get("/api/v1/admin/events/concert")
            .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
            .send();

    assertThat(res.status()).isEqualTo(404);
    assertThat(res.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void wrongMethodOnKnownPath_returns405WithAllow() {
    Exchange res = api.get(Routes.JOIN).send();

    assertThat(res.status()).isEqualTo(405);
    assertThat(res.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(res.header("Allow")).isEqualTo("POST");
  }

  @Test
  void unexpectedFailure_returnsGeneric500WithoutDetails() {
    when(FIX.useCases.status().status(anyString()))
        .thenThrow(new IllegalStateException("secret internal detail"));

    Exchange res = api.get(Routes.STATUS).query("token", "t").send();

    assertThat(res.status()).isEqualTo(500);
    assertThat(res.errorCode()).isEqualTo("INTERNAL_ERROR");
    assertThat(res.body()).doesNotContain("secret").doesNotContain("IllegalState");
  }

  @Test
  void requestId_isEchoedFromRequestIdThenTraceIdElseGenerated() {
    Exchange fromRequestId =
        api.get(Routes.HEALTHZ).header("X-Request-ID", "req-1").header("X-Trace-Id", "tr-1").send();
    Exchange fromTraceId = api.get(Routes.STATUS).header("X-Trace-Id", "tr-2").send();
    Exchange generated = api.get(Routes.HEALTHZ).header("X-Request-ID", "has space").send();

    assertThat(fromRequestId.header("X-Request-ID")).isEqualTo("req-1");
    assertThat(fromTraceId.header("X-Request-ID")).isEqualTo("tr-2");
    assertThat(fromTraceId.json().path("error").path("trace_id").asText()).isEqualTo("tr-2");
    assertThat(UUID.fromString(generated.header("X-Request-ID"))).isNotNull();
  }

  @Test
  void overlongTraceId_isReplacedByGeneratedOne() {
    Exchange res = api.get(Routes.HEALTHZ).header("X-Trace-Id", "x".repeat(129)).send();

    assertThat(UUID.fromString(res.header("X-Request-ID"))).isNotNull();
  }
}
