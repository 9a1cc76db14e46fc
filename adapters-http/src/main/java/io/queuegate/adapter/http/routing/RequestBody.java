package io.queuegate.adapter.http.routing;

import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Reads a request body within the size limit. The stream is read to at most limit + 1 bytes, so a
 * chunked body cannot get past the limit either. An oversized body is read to its end and thrown
 * away before the 413, so the connection stays clean and the client receives the answer.
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
    try (InputStream in = req.content().inputStream()) {
      if (declared.isPresent() && declared.getAsLong() > limit) {
        drain(in);
        throw HttpError.payloadTooLarge(limit);
      }
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        drain(in);
        throw HttpError.payloadTooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and drops the rest of the body; the server's payload cap bounds how much that is. */
  static void drain(InputStream in) {
    try {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      // The client went away or passed the server cap; the 413 is all that is left to say.
    }
  }
}
