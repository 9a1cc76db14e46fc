package io.queuegate.adapter.http.envelope;

import io.queuegate.domain.model.AdmissionAlreadyUsed;
import io.queuegate.domain.model.CaptchaRequired;
import io.queuegate.domain.model.CaptchaUnavailable;
import io.queuegate.domain.model.DuplicateRequest;
import io.queuegate.domain.model.EnqueueTokenRequired;
import io.queuegate.domain.model.EventPaused;
import io.queuegate.domain.model.IdempotencyConflict;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.InvalidCaptcha;
import io.queuegate.domain.model.InvalidEnqueueToken;
import io.queuegate.domain.model.InvalidEventId;
import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.InvalidPublicValue;
import io.queuegate.domain.model.InvalidReturnUrl;
import io.queuegate.domain.model.InvalidRoom;
import io.queuegate.domain.model.InvalidUserId;
import io.queuegate.domain.model.MissingEventId;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.ProofOfWorkRequired;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimited;
import io.queuegate.domain.model.RoomClosed;
import io.queuegate.domain.model.RoomNotFound;
import io.queuegate.domain.model.SaleNotStarted;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps every expected failure of the domain to its response. The switch has no default branch on
 * purpose: a new {@link QueueException} subtype that nobody maps does not compile.
 */
public final class QueueErrorMapper {
  private static final Map<String, String> BEARER = Map.of("WWW-Authenticate", "Bearer");

  private QueueErrorMapper() {}

  public static ErrorReply map(QueueException failure) {
    return switch (failure) {
      case MissingEventId e -> new ErrorReply(400, "MISSING_EVENT_ID", e.getMessage());
      case InvalidEventId e -> new ErrorReply(400, "INVALID_EVENT_ID", e.getMessage());
      case InvalidUserId e -> new ErrorReply(400, "INVALID_USER_ID", e.getMessage());
      case InvalidPolicy e ->
          new ErrorReply(400, "INVALID_POLICY", PolicyFieldNames.of(e.field()) + " " + e.rule());
      case WaiterNotFound e -> new ErrorReply(404, "TOKEN_NOT_FOUND", e.getMessage());
      case WaiterExpired e -> new ErrorReply(404, "TOKEN_EXPIRED", e.getMessage());
      case NotReady e ->
          new ErrorReply(403, "NOT_READY", e.getMessage(), retryAfter(e.retryAfter()));
      case EventPaused e -> new ErrorReply(403, "EVENT_PAUSED", e.getMessage());
      case QueueFull e ->
          new ErrorReply(503, "QUEUE_FULL", e.getMessage(), retryAfter(e.retryAfter()));
      case EnqueueTokenRequired e ->
          new ErrorReply(401, "ENQUEUE_TOKEN_REQUIRED", e.getMessage(), BEARER);
      // Token failures keep a fixed text: the reason may come from a parser's internals.
      case InvalidEnqueueToken e ->
          new ErrorReply(401, "INVALID_ENQUEUE_TOKEN", "the enqueue token is not valid", BEARER);
      case IdempotencyConflict e -> new ErrorReply(409, "IDEMPOTENCY_CONFLICT", e.getMessage());
      case DuplicateRequest e -> new ErrorReply(409, "DUPLICATE_REQUEST", e.getMessage());
      case RateLimited e ->
          new ErrorReply(429, "RATE_LIMITED", e.getMessage(), rateLimitHeaders(e.decision()));
      case StoreUnavailableException e ->
          new ErrorReply(
              503,
              "SERVICE_UNAVAILABLE",
              "the service is temporarily unavailable; try again shortly",
              retryAfter(e.retryAfter()));
      case InvalidAdmissionToken e ->
          new ErrorReply(401, "INVALID_ADMISSION_TOKEN", "the admission token is not valid");
      case AdmissionAlreadyUsed e -> new ErrorReply(409, "ADMISSION_ALREADY_USED", e.getMessage());
      case InvalidRoom e ->
          new ErrorReply(400, "INVALID_ROOM", RoomFieldNames.of(e.field()) + " " + e.rule());
      case RoomNotFound e -> new ErrorReply(404, "ROOM_NOT_FOUND", e.getMessage());
      case InvalidReturnUrl e -> new ErrorReply(400, "INVALID_RETURN_URL", e.getMessage());
      case RoomClosed e ->
          new ErrorReply(503, "ROOM_CLOSED", e.getMessage(), retryAfter(e.retryAfter()));
      case ProofOfWorkRequired e -> new ErrorReply(403, "PROOF_OF_WORK_REQUIRED", e.getMessage());
      // The reason names only our own checks (expired, spent, another event), never client bytes.
      case InvalidProofOfWork e -> new ErrorReply(403, "INVALID_PROOF_OF_WORK", e.getMessage());
      case CaptchaRequired e -> new ErrorReply(403, "CAPTCHA_REQUIRED", e.getMessage());
      // The provider's error codes go to the log, not to the client (docs/design.md#captcha).
      case InvalidCaptcha e -> new ErrorReply(403, "INVALID_CAPTCHA", e.getMessage());
      case CaptchaUnavailable e ->
          new ErrorReply(503, "CAPTCHA_UNAVAILABLE", e.getMessage(), retryAfter(e.retryAfter()));
      case SaleNotStarted e ->
          new ErrorReply(
              403,
              "SALE_NOT_STARTED",
              e.getMessage(),
              Map.of(),
              Map.of(
                  "pre_queue_starts_at", e.preQueueStartsAt().toString(),
                  "opens_at", e.opensAt().toString()));
      case ShuffleNotFound e -> new ErrorReply(404, "SHUFFLE_NOT_FOUND", e.getMessage());
      case ShuffleLocked e -> new ErrorReply(409, "SHUFFLE_LOCKED", e.getMessage());
      case InvalidPublicValue e -> new ErrorReply(400, "INVALID_PUBLIC_VALUE", e.getMessage());
    };
  }

  /** The X-RateLimit-* headers of any rate-limit answer, allowed or not. */
  public static Map<String, String> rateLimitHeaders(RateDecision decision) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Long.toString(decision.limit()));
    headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, decision.remaining())));
    headers.put("X-RateLimit-Reset", Long.toString(ceilSeconds(decision.resetAfter(), 0)));
    if (!decision.allowed()) {
      headers.put("Retry-After", Long.toString(ceilSeconds(decision.retryAfter(), 1)));
    }
    return headers;
  }

  private static Map<String, String> retryAfter(Duration wait) {
    return Map.of("Retry-After", Long.toString(ceilSeconds(wait, 1)));
  }

  /** Whole seconds, rounded up, and never below {@code floor}. */
  static long ceilSeconds(Duration duration, long floor) {
    if (duration == null || duration.isNegative()) {
      return floor;
    }
    long millis = duration.toMillis();
    return Math.max(floor, (millis + 999) / 1000);
  }
}
