package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The keys that may have signed an enqueue token, chosen by the token's {@code alg} and kid. */
final class EnqueueKeys {

  private static final int MIN_RSA_BITS = 2048;

  private record Candidate(String kid, JWSAlgorithm alg, JWSVerifier verifier) {}

  private final List<Candidate> candidates;

  private EnqueueKeys(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  /**
   * @throws IllegalArgumentException when the JWK set is unreadable or holds no usable key
   */
  static EnqueueKeys from(EnqueueTokenSettings settings) {
    List<Candidate> found = new ArrayList<>();
    try {
      if (settings.hs256Secret().isPresent()) {
        byte[] secret = settings.hs256Secret().get().getBytes(StandardCharsets.UTF_8);
        found.add(new Candidate(null, JWSAlgorithm.HS256, new MACVerifier(secret)));
      }
      if (settings.jwkSetJson().isPresent()) {
        int before = found.size();
        // Symmetric keys have no public part and are skipped with the rest of the unusable keys.
        for (JWK jwk : parse(settings.jwkSetJson().get()).toPublicJWKSet().getKeys()) {
          candidate(jwk).ifPresent(found::add);
        }
        if (found.size() == before) {
          throw new IllegalArgumentException(
              "the enqueue JWK set holds no RSA (2048+ bits) or EC P-256 signing key");
        }
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("an enqueue token key is unusable", e);
    }
    return new EnqueueKeys(found);
  }

  /**
   * The one verifier for this header: same algorithm, and the same kid when the token names one. A
   * token without kid is accepted only when a single key of its algorithm exists.
   */
  Optional<JWSVerifier> verifierFor(JWSHeader header) {
    String kid = header.getKeyID();
    List<Candidate> matching =
        candidates.stream()
            .filter(c -> c.alg().equals(header.getAlgorithm()))
            .filter(c -> kid == null || kid.equals(c.kid()))
            .toList();
    return matching.size() == 1 ? Optional.of(matching.getFirst().verifier()) : Optional.empty();
  }

  private static JWKSet parse(String json) {
    try {
      return JWKSet.parse(json);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("the enqueue JWK set is not a valid JWK set JSON");
    }
  }

  // Keys meant for encryption or for other algorithms are skipped, not rejected: a selling site's
  // published set may hold them for other purposes.
  private static Optional<Candidate> candidate(JWK jwk) throws JOSEException {
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      return Optional.empty();
    }
    if (jwk instanceof RSAKey rsa && allows(jwk, JWSAlgorithm.RS256)) {
      if (rsa.size() < MIN_RSA_BITS) {
        return Optional.empty();
      }
      return Optional.of(
          new Candidate(jwk.getKeyID(), JWSAlgorithm.RS256, new RSASSAVerifier(rsa)));
    }
    if (jwk instanceof ECKey ec
        && Curve.P_256.equals(ec.getCurve())
        && allows(jwk, JWSAlgorithm.ES256)) {
      return Optional.of(new Candidate(jwk.getKeyID(), JWSAlgorithm.ES256, new ECDSAVerifier(ec)));
    }
    return Optional.empty();
  }

  private static boolean allows(JWK jwk, JWSAlgorithm alg) {
    return jwk.getAlgorithm() == null || Objects.equals(jwk.getAlgorithm(), alg);
  }
}
