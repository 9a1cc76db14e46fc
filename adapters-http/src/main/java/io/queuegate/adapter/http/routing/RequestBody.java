package io.queuegate.adapter.http.routing;

import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * Reads a request body within the size limit. The stream is read to at most limit + 1 bytes, so a
 * chunked body cannot get past the limit either. An oversized body is read to its end and thrown
 * away before the 413, so the connection stays clean and the client receives the answer. A body
 * whose framing is broken (a chunk size that is not hex, a bare LF) is a 400 that closes the
 * connection: nothing after it on the connection can be told apart from the body.
 */
public final class RequestBody {
  /** Oversized bodies up to this size are drained; the server refuses larger ones outright. */
  public static final int DRAIN_LIMIT = 1024 * 1024;

  private static final byte[] EMPTY = new byte[0];

  private RequestBody() {}

  public static byte[] read(ServerRequest req, int limit) {
    if (!req.content().hasEntity()) {
      return EMPTY;
    }
    OptionalLong declared = req.headers().contentLength();
    // Never closed: closing drains what is left, and after a framing error that would wait for
    // bytes that never come. A body read to its end needs no closing.
    InputStream in = req.content().inputStream();
    if (declared.isPresent() && declared.getAsLong() > limit) {
      throw tooLarge(in, limit);
    }
    byte[] bytes = readUpTo(in, limit + 1, limit);
    if (bytes.length > limit) {
      throw tooLarge(in, limit);
    }
    return bytes;
  }

  private static byte[] readUpTo(InputStream in, int count, int limit) {
    try {
      return in.readNBytes(count);
    } catch (RequestException e) {
      if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
        throw HttpError.payloadTooLarge(limit).closingConnection();
      }
      throw HttpError.brokenFraming();
    } catch (IOException | RuntimeException e) {
      // Helidon reports broken chunked framing as whatever its parser threw (a
      // NumberFormatException for a chunk size of "ZZ", an IncorrectNewLineException for a bare
      // LF); a client that went away mid-body lands here as well, and nobody reads that answer.
      throw HttpError.brokenFraming();
    }
  }

  private static HttpError tooLarge(InputStream in, int limit) {
    HttpError error = HttpError.payloadTooLarge(limit);
    return drain(in) ? error : error.closingConnection();
  }

  /**
   * Reads and drops the rest of the body; the server's payload cap bounds how much that is. False
   * when the body could not be read to its end, so the connection must not be used again.
   */
  static boolean drain(InputStream in) {
    try {
      in.transferTo(OutputStream.nullOutputStream());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
