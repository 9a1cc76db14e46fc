package io.queuegate.adapter.http.envelope;

/**
 * The envelope for errors that only a status code describes: those raised by Helidon itself
 * (unknown route, body too large, malformed request, an HTTP version other than 1.1) and the
 * generic internal error.
 */
final class StatusErrors {
  private StatusErrors() {}

  static ErrorReply forStatus(int status) {
    return switch (status) {
      case 404 -> new ErrorReply(404, "NOT_FOUND", "no such resource");
      case 405 -> new ErrorReply(405, "METHOD_NOT_ALLOWED", "method not allowed on this resource");
      case 413 -> new ErrorReply(413, "PAYLOAD_TOO_LARGE", "request body is too large");
      case 503 ->
          new ErrorReply(
              503,
              "SERVICE_UNAVAILABLE",
              "the service is temporarily unavailable; try again shortly");
      case 505 -> new ErrorReply(505, "HTTP_VERSION_NOT_SUPPORTED", "only HTTP/1.1 is served here");
      default ->
          status >= 400 && status < 500
              ? new ErrorReply(status, "INVALID_REQUEST", "the request is malformed")
              : new ErrorReply(500, "INTERNAL_ERROR", "internal error; quote the trace id");
    };
  }
}
