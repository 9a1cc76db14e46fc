package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.http.envelope.ErrorReply;
import io.queuegate.adapter.http.envelope.QueueErrorMapper;
import io.queuegate.domain.model.AdmissionAlreadyUsed;
import io.queuegate.domain.model.DuplicateRequest;
import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.IdempotencyConflict;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.InvalidEnqueueToken;
import io.queuegate.domain.model.InvalidEventId;
import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.InvalidUserId;
import io.queuegate.domain.model.MissingEventId;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimited;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueErrorMapperTest {
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new MissingEventId(), 400, "MISSING_EVENT_ID", Map.of()),
        Arguments.of(new InvalidEventId(), 400, "INVALID_EVENT_ID", Map.of()),
        Arguments.of(new InvalidUserId(), 400, "INVALID_USER_ID", Map.of()),
        Arguments.of(new InvalidPolicy(PolicyField.TITLE, "x"), 400, "INVALID_POLICY", Map.of()),
        Arguments.of(new WaiterNotFound(), 404, "TOKEN_NOT_FOUND", Map.of()),
        Arguments.of(new WaiterExpired(), 404, "TOKEN_EXPIRED", Map.of()),
        Arguments.of(NotReady.paused(), 403, "NOT_READY", Map.of("Retry-After", "5")),
        Arguments.of(new EventPaused(), 403, "EVENT_PAUSED", Map.of()),
        Arguments.of(new QueueFull(), 503, "QUEUE_FULL", Map.of("Retry-After", "10")),
        Arguments.of(
            new EnqueueTokenRequired(),
            401,
            "ENQUEUE_TOKEN_REQUIRED",
            Map.of("WWW-Authenticate", "Bearer")),
        Arguments.of(
            new InvalidEnqueueToken("r"),
            401,
            "INVALID_ENQUEUE_TOKEN",
            Map.of("WWW-Authenticate", "Bearer")),
        Arguments.of(new IdempotencyConflict(), 409, "IDEMPOTENCY_CONFLICT", Map.of()),
        Arguments.of(new DuplicateRequest(), 409, "DUPLICATE_REQUEST", Map.of()),
        Arguments.of(
            new RateLimited(
                new RateDecision(false, 10, 0, Duration.ofMillis(1001), Duration.ofSeconds(3))),
            429,
            "RATE_LIMITED",
            Map.of(
                "Retry-After",
                "2",
                "X-RateLimit-Limit",
                "10",
                "X-RateLimit-Remaining",
                "0",
                "X-RateLimit-Reset",
                "3")),
        Arguments.of(
            new StoreUnavailableException("down", null),
            503,
            "SERVICE_UNAVAILABLE",
            Map.of("Retry-After", "1")),
        Arguments.of(new InvalidAdmissionToken("r"), 401, "INVALID_ADMISSION_TOKEN", Map.of()),
        Arguments.of(new AdmissionAlreadyUsed(), 409, "ADMISSION_ALREADY_USED", Map.of()));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void everyDomainFailure_hasItsStatusCodeAndHeaders(
      QueueException failure, int status, String code, Map<String, String> headers) {
    ErrorReply reply = QueueErrorMapper.map(failure);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.code()).isEqualTo(code);
    assertThat(reply.headers()).isEqualTo(headers);
    assertThat(reply.message()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("failures")
  void everyCode_isInTheOpenApiEnum(QueueException failure) {
    assertThat(OpenApiContract.document())
        .contains("- " + QueueErrorMapper.map(failure).code() + "\n");
  }
}
