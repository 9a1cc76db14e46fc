package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.function.Function;

/**
 * The signature and claims steps shared by the admission- and enqueue-token checks. Library
 * exceptions never escape: each failure becomes the caller's domain failure with a short reason.
 */
final class SignedTokens {

  private SignedTokens() {}

  static JWTClaimsSet verifiedClaims(
      SignedJWT jwt, JWSVerifier verifier, Function<String, ? extends RuntimeException> failure) {
    boolean valid;
    try {
      valid = jwt.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw failure.apply("bad signature");
    }
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      throw failure.apply("malformed claims");
    }
  }
}
