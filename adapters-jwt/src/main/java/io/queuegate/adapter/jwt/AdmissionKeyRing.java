package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admission keys: one EC P-256 key that signs, and every configured key as a verifier and in
 * the published set. Messages never quote the JWK set, because it holds private keys.
 */
final class AdmissionKeyRing {

  private final String signingKeyId;
  private final JWSSigner signer;
  private final Map<String, JWSVerifier> verifiers;
  private final String publicJwksJson;

  private AdmissionKeyRing(ECKey signingKey, List<ECKey> keys) throws JOSEException {
    this.signingKeyId = signingKey.getKeyID();
    this.signer = new ECDSASigner(signingKey);
    Map<String, JWSVerifier> byKid = new LinkedHashMap<>();
    List<JWK> published = new ArrayList<>();
    for (ECKey key : keys) {
      byKid.put(key.getKeyID(), new ECDSAVerifier(key.toPublicJWK()));
      published.add(key.toPublicJWK());
    }
    this.verifiers = Map.copyOf(byKid);
    this.publicJwksJson = new JWKSet(published).toString(true);
    selfCheck();
  }

  /** Reads a JWK set; the signing key is {@code signingKeyId}, or the first key in the set. */
  static AdmissionKeyRing parse(String jwkSetJson, Optional<String> signingKeyId) {
    JWKSet set;
    try {
      set = JWKSet.parse(jwkSetJson);
    } catch (ParseException | RuntimeException e) {
      // The cause is left out on purpose: parser messages can quote the private key text.
      throw new IllegalArgumentException("the admission JWK set is not a valid JWK set JSON");
    }
    List<ECKey> keys = new ArrayList<>();
    for (JWK jwk : set.getKeys()) {
      keys.add(checked(jwk, keys));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("the admission JWK set holds no keys");
    }
    String kid = signingKeyId.orElse(keys.getFirst().getKeyID());
    ECKey signing =
        keys.stream()
            .filter(k -> k.getKeyID().equals(kid))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no admission key has the kid " + kid));
    if (!signing.isPrivate()) {
      throw new IllegalArgumentException(
          "the admission signing key " + kid + " has no private part");
    }
    return build(signing, keys);
  }

  /** A fresh P-256 key whose kid is its RFC 7638 thumbprint. */
  static AdmissionKeyRing generate() {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyIDFromThumbprint(true)
              .generate();
      return build(key, List.of(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an EC P-256 key", e);
    }
  }

  String signingKeyId() {
    return signingKeyId;
  }

  JWSSigner signer() {
    return signer;
  }

  Optional<JWSVerifier> verifier(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(verifiers.get(kid));
  }

  int size() {
    return verifiers.size();
  }

  String publicJwksJson() {
    return publicJwksJson;
  }

  private static AdmissionKeyRing build(ECKey signing, List<ECKey> keys) {
    try {
      return new AdmissionKeyRing(signing, keys);
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "the admission key " + signing.getKeyID() + " is unusable");
    }
  }

  // Verification keys may be public only: an old key can stay published after its private part
  // has been destroyed, until the last token it signed has expired.
  private static ECKey checked(JWK jwk, List<ECKey> earlier) {
    String kid = jwk.getKeyID();
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("every admission key needs a kid");
    }
    if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
      throw new IllegalArgumentException("the admission key " + kid + " is not an EC P-256 key");
    }
    if (jwk.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(jwk.getAlgorithm())) {
      throw new IllegalArgumentException("the admission key " + kid + " is not for ES256");
    }
    if (earlier.stream().anyMatch(k -> k.getKeyID().equals(kid))) {
      throw new IllegalArgumentException("the admission kid " + kid + " appears twice");
    }
    return ec;
  }

  // Catches a private part that does not belong to its public point before any token is signed.
  private void selfCheck() throws JOSEException {
    JWSObject probe =
        new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("admission key check"));
    probe.sign(signer);
    if (!probe.verify(verifiers.get(signingKeyId))) {
      throw new IllegalArgumentException(
          "the private and public parts of admission key " + signingKeyId + " do not match");
    }
  }
}
