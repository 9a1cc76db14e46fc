package io.queuegate.adapter.http.admin;

import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.routing.BearerToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the operator's bearer token in constant time: both sides are hashed to SHA-256 first, so
 * neither the comparison nor the lengths reveal how much of a guess was right.
 */
final class AdminToken {
  private final byte[] expectedDigest;

  AdminToken(String token) {
    this.expectedDigest = sha256(token);
  }

  /** Throws 401 UNAUTHORIZED unless the request carries the operator token. */
  void require(ServerRequest req) {
    String presented =
        BearerToken.header(req)
            .flatMap(BearerToken::credentials)
            .orElseThrow(HttpError::unauthorized);
    if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
      throw HttpError.unauthorized();
    }
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
