package io.queuegate.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request written byte for byte on a fresh socket, for framing that no HTTP client would send
 * (bare LF, bad chunk sizes, NUL bytes, HTTP/1.0), and the answer read back as it came.
 */
final class RawHttp {
  private static final int READ_TIMEOUT_MS = 10_000;
  private static final int CLOSE_TIMEOUT_MS = 3_000;

  /**
   * What came back: a status of 0 means the server closed the connection without answering. Header
   * names are lower case. {@code closed} tells whether the server then closed the connection, and
   * {@code after} holds whatever else it sent before that (a second answer, say).
   */
  record Answer(
      int status, Map<String, String> headers, String body, boolean closed, String after) {
    static Answer closedWithoutAnswer() {
      return new Answer(0, Map.of(), "", true, "");
    }

    JsonNode json() {
      try {
        return body.isBlank() ? null : Api.JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** The header {@code name}, in any letter case, or null. */
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String errorCode() {
      JsonNode json = json();
      return json == null ? null : json.path("error").path("code").asText(null);
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code request} as is, reads one answer, then waits a little for the server to close the
   * connection; fails if the server neither answers nor closes.
   */
  static Answer exchange(URI base, byte[] request) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      Answer answer = read(socket.getInputStream());
      if (answer.status() == 0) {
        return answer;
      }
      socket.setSoTimeout(CLOSE_TIMEOUT_MS);
      ByteArrayOutputStream after = new ByteArrayOutputStream();
      boolean closed = readToEnd(socket.getInputStream(), after);
      return new Answer(
          answer.status(),
          answer.headers(),
          answer.body(),
          closed,
          after.toString(StandardCharsets.ISO_8859_1));
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "no answer within " + READ_TIMEOUT_MS + " ms and the connection is still open", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code head} (request line and headers, lines separated by "\n", without the blank line)
   * to the service on {@code port}, with {@code Connection: close}, as a proxy sends its checks.
   */
  static Answer send(int port, String head) {
    String request = head.strip().replace("\n", "\r\n") + "\r\nConnection: close\r\n\r\n";
    return exchange(URI.create("http://127.0.0.1:" + port), ascii(request));
  }

  /** A request as text, with CRLF line ends written out by the caller. */
  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = readOrEnd(in)) != -1) {
      head.write(b);
      if (endsWithBlankLine(head.toByteArray())) {
        break;
      }
    }
    if (head.size() == 0) {
      return Answer.closedWithoutAnswer();
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new AssertionError("not an HTTP answer: " + lines[0]);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    String length = headers.get("content-length");
    byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    return new Answer(
        Integer.parseInt(statusLine[1]),
        headers,
        new String(body, StandardCharsets.UTF_8),
        false,
        "");
  }

  /** Copies what arrives until the server closes (true) or stays silent past the timeout. */
  private static boolean readToEnd(InputStream in, ByteArrayOutputStream into) throws IOException {
    try {
      int b;
      while ((b = readOrEnd(in)) != -1) {
        into.write(b);
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  /** The next byte, or -1 at the end; a reset after the server's close counts as the end. */
  private static int readOrEnd(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return -1;
    }
  }

  private static boolean endsWithBlankLine(byte[] bytes) {
    int n = bytes.length;
    return n >= 4
        && bytes[n - 4] == '\r'
        && bytes[n - 3] == '\n'
        && bytes[n - 2] == '\r'
        && bytes[n - 1] == '\n';
  }
}
