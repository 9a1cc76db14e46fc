package io.queuegate.adapter.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How enqueue tokens from the selling site are checked: an HS256 secret and/or a JWK set of RS256
 * and ES256 public keys, and the issuer every token must name, which is required with any key. With
 * neither key source, enqueue tokens are off.
 */
public record EnqueueTokenSettings(
    Optional<String> issuer, Optional<String> hs256Secret, Optional<String> jwkSetJson) {

  /** RFC 7518 section 3.2: an HS256 key must be at least as long as the hash output. */
  public static final int MIN_SECRET_BYTES = 32;

  public EnqueueTokenSettings {
    issuer = nonBlank(issuer);
    hs256Secret = nonBlank(hs256Secret);
    jwkSetJson = nonBlank(jwkSetJson);
    if (hs256Secret.isPresent()
        && hs256Secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the enqueue token HS256 secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    // Without a fixed issuer, any token the same keys sign for another purpose would open a place.
    if ((hs256Secret.isPresent() || jwkSetJson.isPresent()) && issuer.isEmpty()) {
      throw new IllegalArgumentException(
          "enqueue-token keys are configured but no enqueue-token issuer: set the iss that the"
              + " selling site's tokens carry");
    }
  }

  /** No key source: every enqueue token is refused. */
  public static EnqueueTokenSettings disabled() {
    return new EnqueueTokenSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether a secret or a JWK set is configured. */
  public boolean enabled() {
    return hs256Secret.isPresent() || jwkSetJson.isPresent();
  }

  // Configuration readers hand over empty strings for unset values; treat them as absent.
  private static Optional<String> nonBlank(Optional<String> value) {
    return Objects.requireNonNullElse(value, Optional.<String>empty()).filter(v -> !v.isBlank());
  }

  // The generated toString would print the shared secret.
  @Override
  public String toString() {
    return "EnqueueTokenSettings[issuer="
        + issuer.orElse("<any>")
        + ", hs256Secret="
        + (hs256Secret.isPresent() ? "<redacted>" : "<none>")
        + ", jwkSetJson="
        + (jwkSetJson.isPresent() ? "<set>" : "<none>")
        + "]";
  }
}
