package io.queuegate.verifier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.log.ReceiptClaim;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import java.text.ParseException;
import java.time.Instant;

/**
 * Checks a join receipt (docs/fairness.md#receipt): an ES256 JWS of type {@code
 * queuegate-receipt+jwt} signed by a key of the service's JWK set, and reads what it states.
 */
final class ReceiptReader {
  /** The JWS type of a receipt, so no admission token passes for one, nor one for a token. */
  static final String TYPE = "queuegate-receipt+jwt";

  private ReceiptReader() {}

  /**
   * The receipt's statement.
   *
   * @throws IllegalArgumentException when the receipt is malformed or its signature does not hold
   */
  static ReceiptClaim read(String receipt, String jwksJson) {
    try {
      SignedJWT jws = SignedJWT.parse(receipt.strip());
      if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
          || jws.getHeader().getType() == null
          || !TYPE.equals(jws.getHeader().getType().getType())) {
        throw new IllegalArgumentException("not a queuegate receipt (ES256, typ " + TYPE + ")");
      }
      JWK key = JWKSet.parse(jwksJson).getKeyByKeyId(jws.getHeader().getKeyID());
      if (!(key instanceof ECKey ec)) {
        throw new IllegalArgumentException(
            "the service publishes no EC key " + jws.getHeader().getKeyID());
      }
      JWSVerifier verifier = new ECDSAVerifier(ec.toECPublicKey());
      if (!jws.verify(verifier)) {
        throw new IllegalArgumentException("the receipt's signature does not hold");
      }
      JWTClaimsSet claims = jws.getJWTClaimsSet();
      return new ReceiptClaim(
          new EventId(required(claims.getStringClaim("event"), "event")),
          new EntrantId(required(claims.getStringClaim("entrant"), "entrant")),
          Instant.ofEpochMilli(required(claims.getLongClaim("joined_at_ms"), "joined_at_ms")),
          required(claims.getBooleanClaim("pre_queue"), "pre_queue"),
          required(claims.getLongClaim("log_seq"), "log_seq"));
    } catch (ParseException | JOSEException e) {
      throw new IllegalArgumentException("an unreadable receipt: " + e.getMessage(), e);
    }
  }

  private static <T> T required(T value, String claim) {
    if (value == null) {
      throw new IllegalArgumentException("the receipt has no " + claim);
    }
    return value;
  }
}
