package io.queuegate.adapter.jwt;

import java.util.Objects;
import java.util.Optional;

/**
 * Where admission tokens get their keys: a JWK set of EC P-256 private keys and the key id that
 * signs. Every key in the set is published and accepted, so rotation is: add the new key, switch
 * {@code signingKeyId}, and remove the old key once its tokens have expired. Without a set, the
 * signer generates an ephemeral key; {@code ephemeralAllowed} is the operator's explicit consent to
 * that where several instances would otherwise need one shared set.
 */
public record AdmissionKeySettings(
    String issuer,
    Optional<String> jwkSetJson,
    Optional<String> signingKeyId,
    boolean ephemeralAllowed) {

  public static final String DEFAULT_ISSUER = "queuegate";

  public AdmissionKeySettings {
    issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
    jwkSetJson = nonBlank(jwkSetJson);
    signingKeyId = nonBlank(signingKeyId);
    if (signingKeyId.isPresent() && jwkSetJson.isEmpty()) {
      throw new IllegalArgumentException(
          "an admission signing key id is set, but no admission JWK set");
    }
  }

  /** Configured keys (or none), without consent to an ephemeral key. */
  public AdmissionKeySettings(
      String issuer, Optional<String> jwkSetJson, Optional<String> signingKeyId) {
    this(issuer, jwkSetJson, signingKeyId, false);
  }

  /** The default issuer and no configured keys, so the signer uses an ephemeral key. */
  public static AdmissionKeySettings defaults() {
    return new AdmissionKeySettings(DEFAULT_ISSUER, Optional.empty(), Optional.empty());
  }

  /** Whether no key set is configured, so that the signer makes a key of its own. */
  public boolean ephemeral() {
    return jwkSetJson.isEmpty();
  }

  // Configuration readers hand over empty strings for unset values; treat them as absent.
  private static Optional<String> nonBlank(Optional<String> value) {
    return Objects.requireNonNullElse(value, Optional.<String>empty()).filter(v -> !v.isBlank());
  }

  // The JWK set holds private keys: a record's generated toString would print them.
  @Override
  public String toString() {
    return "AdmissionKeySettings[issuer="
        + issuer
        + ", jwkSetJson="
        + (jwkSetJson.isPresent() ? "<redacted>" : "<none>")
        + ", signingKeyId="
        + signingKeyId.orElse("<first key>")
        + ", ephemeralAllowed="
        + ephemeralAllowed
        + "]";
  }
}
