package io.queuegate.adapter.http.envelope;

import java.util.Map;

/**
 * An error found by the HTTP layer itself (as opposed to a domain {@code QueueException}): a
 * missing token, a bad idempotency key, a body that is not JSON or too large, a missing admin
 * token.
 */
public final class HttpError extends RuntimeException {
  private final transient ErrorReply reply;

  private HttpError(ErrorReply reply) {
    super(reply.code(), null, false, false);
    this.reply = reply;
  }

  ErrorReply reply() {
    return reply;
  }

  public static HttpError missingToken() {
    return of(400, "MISSING_TOKEN", "a token is required");
  }

  public static HttpError idempotencyRequired() {
    return of(400, "IDEMPOTENCY_REQUIRED", "the Idempotency-Key header is required");
  }

  public static HttpError invalidIdempotencyKey() {
    return of(400, "INVALID_IDEMPOTENCY_KEY", "the Idempotency-Key header must be a UUID");
  }

  public static HttpError invalidRequest(String message) {
    return of(400, "INVALID_REQUEST", message);
  }

  public static HttpError payloadTooLarge(int limit) {
    return of(413, "PAYLOAD_TOO_LARGE", "request body is larger than " + limit + " bytes");
  }

  /** A body whose chunked framing is broken; the answer closes the connection. */
  public static HttpError brokenFraming() {
    return of(400, "INVALID_REQUEST", "the request body is not framed correctly")
        .closingConnection();
  }

  /**
   * The same error, answered with {@code Connection: close}: the rest of the connection cannot be
   * read as requests any more, and the server closes it after the answer.
   */
  public HttpError closingConnection() {
    Map<String, String> headers = new java.util.LinkedHashMap<>(reply.headers());
    headers.put("Connection", "close");
    return new HttpError(new ErrorReply(reply.status(), reply.code(), reply.message(), headers));
  }

  public static HttpError methodNotAllowed(String allow) {
    return new HttpError(
        new ErrorReply(
            405,
            "METHOD_NOT_ALLOWED",
            "method not allowed on this resource; allowed: " + allow,
            Map.of("Allow", allow)));
  }

  public static HttpError unauthorized() {
    return new HttpError(
        new ErrorReply(
            401,
            "UNAUTHORIZED",
            "a valid operator token is required",
            Map.of("WWW-Authenticate", "Bearer")));
  }

  public static HttpError invalidEnqueueToken() {
    return new HttpError(
        new ErrorReply(
            401,
            "INVALID_ENQUEUE_TOKEN",
            "Authorization must be 'Bearer <token>'",
            Map.of("WWW-Authenticate", "Bearer")));
  }

  public static HttpError tooManyStreams(java.time.Duration retryAfter) {
    return new HttpError(
        new ErrorReply(
            503,
            "SERVICE_UNAVAILABLE",
            "this instance holds as many event streams as it may; poll the status instead",
            Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))));
  }

  private static HttpError of(int status, String code, String message) {
    return new HttpError(new ErrorReply(status, code, message, Map.of()));
  }
}
