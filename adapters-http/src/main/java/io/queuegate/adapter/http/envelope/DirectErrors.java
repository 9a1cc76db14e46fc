package io.queuegate.adapter.http.envelope;

import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to a failure Helidon reports outside the routes. The request's own faults are 4xx and
 * a protocol version other than HTTP/1.1 is 505 (docs/design.md#http-api); only a failure with a
 * parsed request behind it can be the server's own 500.
 */
final class DirectErrors {
  private static final Pattern VERSION = Pattern.compile("(?:^|\\s)HTTP/(\\d+(?:\\.\\d+)?)/?$");

  private DirectErrors() {}

  static ErrorReply reply(TransportRequest request, EventType eventType, int status) {
    return switch (eventType) {
      case HTTP_VERSION_NOT_SUPPORTED -> StatusErrors.forStatus(505);
      // Helidon files a transfer coding it does not implement (gzip, chunked) as a bad request
      // with 501: the client framed its body in a way this server cannot read, a 400.
      case BAD_REQUEST ->
          StatusErrors.forStatus(otherVersion(request) ? 505 : status >= 500 ? 400 : status);
      // A request line Helidon could not parse (a NUL byte in the method fails its token check
      // with an unchecked exception) arrives as an internal error with no request at all: nothing
      // of the server ran yet, so the request is at fault.
      case INTERNAL_ERROR ->
          StatusErrors.forStatus(unparsed(request) && status == 500 ? 400 : status);
      case PAYLOAD_TOO_LARGE, FORBIDDEN, OTHER -> StatusErrors.forStatus(status);
    };
  }

  /**
   * Whether the request line named an HTTP version other than 1.1. Helidon detects only HTTP/1.0 as
   * such and files any other version (HTTP/2.0, HTTP/1.2) as a malformed request line, whose
   * protocol it reports as the line itself followed by a slash.
   */
  private static boolean otherVersion(TransportRequest request) {
    Matcher version = VERSION.matcher(request.protocolVersion());
    return version.find() && !version.group(1).equals("1.1");
  }

  private static boolean unparsed(TransportRequest request) {
    return request.method().isEmpty() && request.path().isEmpty();
  }
}
