package io.queuegate.it;

import java.util.List;
import java.util.UUID;

/**
 * Requests whose HTTP framing is broken, as a fuzzer sends them: chunked bodies with bare LF line
 * ends, chunk sizes that are not hex, negative, overflowing or shorter than their data, a transfer
 * coding stacked on chunked, a NUL byte in the method, and a protocol version that is not HTTP/1.1.
 * Each would join {@code event} if it were read as a valid request, and one hides a second request
 * behind the broken framing.
 */
final class MalformedFraming {

  /** One raw request and the status it must get (always in the error envelope). */
  record Case(String name, byte[] request, int expectedStatus) {
    @Override
    public String toString() {
      return name;
    }
  }

  private MalformedFraming() {}

  static List<Case> cases(String event) {
    String body = "{\"event_id\":\"" + event + "\",\"user_id\":\"framing\"}";
    String size = Integer.toHexString(body.length());
    return List.of(
        chunked("chunked body with bare LF line ends", size + "\n" + body + "\n0\n\n"),
        chunked("chunk size that is not hex", "ZZ\r\n" + body + "\r\n0\r\n\r\n"),
        chunked("negative chunk size", "-" + size + "\r\n" + body + "\r\n0\r\n\r\n"),
        chunked("chunk size beyond 64 bits", "1FFFFFFFFFFFFFFFF\r\n" + body + "\r\n0\r\n\r\n"),
        chunked("chunk size beyond a signed int", "80000000\r\n" + body + "\r\n0\r\n\r\n"),
        chunked("chunk size shorter than the data", "5\r\n" + body + "\r\n0\r\n\r\n"),
        // What follows a broken chunk must never be served as a request of its own.
        chunked(
            "request smuggled behind a chunk size that is not hex",
            "ZZ\r\n" + head("POST", "HTTP/1.1", "Content-Length: " + body.length()) + body),
        chunked("last chunk with trailing junk", size + "\r\n" + body + "\r\n0\r\nX\r\n"),
        new Case(
            "Transfer-Encoding: gzip, chunked",
            RawHttp.ascii(
                head("POST", "HTTP/1.1", "Transfer-Encoding: gzip, chunked")
                    + size
                    + "\r\n"
                    + body
                    + "\r\n0\r\n\r\n"),
            400),
        new Case(
            "Transfer-Encoding and Content-Length together",
            RawHttp.ascii(
                head(
                        "POST",
                        "HTTP/1.1",
                        "Transfer-Encoding: chunked\r\nContent-Length: " + body.length())
                    + size
                    + "\r\n"
                    + body
                    + "\r\n0\r\n\r\n"),
            400),
        new Case(
            "method containing a NUL byte",
            RawHttp.ascii(
                head("PO\u0000ST", "HTTP/1.1", "Content-Length: " + body.length()) + body),
            400),
        new Case(
            "HTTP/1.0 request",
            RawHttp.ascii(head("POST", "HTTP/1.0", "Content-Length: " + body.length()) + body),
            505),
        new Case(
            "HTTP/2.0 request line",
            RawHttp.ascii(head("POST", "HTTP/2.0", "Content-Length: " + body.length()) + body),
            505),
        new Case(
            "request line without a version",
            RawHttp.ascii(head("POST", "FOO", "Content-Length: " + body.length()) + body),
            400));
  }

  private static Case chunked(String name, String chunks) {
    return new Case(
        name, RawHttp.ascii(head("POST", "HTTP/1.1", "Transfer-Encoding: chunked") + chunks), 400);
  }

  private static String head(String method, String version, String framing) {
    return method
        + " /api/v1/queue/join "
        + version
        + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: "
        + UUID.randomUUID()
        + "\r\n"
        + framing
        + "\r\n\r\n";
  }
}
