package io.queuegate.domain.model;

import java.util.Objects;

/**
 * A proof-of-work challenge in ALTCHA's format: find {@code number} in 0..{@code maxNumber} with
 * hex SHA-256({@code salt} + number) = {@code challenge}; {@code signature} is the server's
 * HMAC-SHA256 of the challenge, so issuing needs no store.
 */
public record Challenge(
    String algorithm, String challenge, long maxNumber, String salt, String signature) {
  public static final String SHA_256 = "SHA-256";

  public Challenge {
    Objects.requireNonNull(algorithm);
    Objects.requireNonNull(challenge);
    Objects.requireNonNull(salt);
    Objects.requireNonNull(signature);
  }
}
