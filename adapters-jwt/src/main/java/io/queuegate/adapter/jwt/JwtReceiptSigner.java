package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.log.ReceiptClaim;
import io.queuegate.domain.port.out.ReceiptSigner;
import java.util.Date;

/**
 * Signs join receipts (docs/fairness.md#receipt) as ES256 JWS with the admission signing key, so
 * that the key a buyer needs is already at {@code /.well-known/jwks.json}. The type {@code
 * queuegate-receipt+jwt} and the absent audience keep a receipt from passing as an admission token.
 */
public final class JwtReceiptSigner implements ReceiptSigner {
  /** The JWS type of a receipt. */
  public static final String TYPE = "queuegate-receipt+jwt";

  private final String issuer;
  private final AdmissionKeyRing keys;

  private JwtReceiptSigner(String issuer, AdmissionKeyRing keys) {
    this.issuer = issuer;
    this.keys = keys;
  }

  /** A signer with the same key and issuer as {@code admissions}. */
  public static JwtReceiptSigner sharingKeysOf(JwtAdmissionTokenSigner admissions) {
    return new JwtReceiptSigner(admissions.issuer(), admissions.keys());
  }

  @Override
  public String sign(ReceiptClaim claim) {
    JWTClaimsSet body =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .issueTime(Date.from(claim.joinedAt()))
            .claim("event", claim.eventId().value())
            .claim("entrant", claim.entrant().value())
            .claim("joined_at_ms", claim.joinedAt().toEpochMilli())
            .claim("pre_queue", claim.preQueue())
            .claim("log_seq", claim.logSeq())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(keys.signingKeyId())
            .type(new JOSEObjectType(TYPE))
            .build();
    SignedJWT jws = new SignedJWT(header, body);
    try {
      jws.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a join receipt", e);
    }
    return jws.serialize();
  }
}
