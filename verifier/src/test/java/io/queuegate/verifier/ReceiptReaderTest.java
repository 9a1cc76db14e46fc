package io.queuegate.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.log.ReceiptClaim;
import org.junit.jupiter.api.Test;

/** Receipts: the claim read when the signature holds, refused when it does not or is no receipt. */
class ReceiptReaderTest {
  private static final String ENTRANT = "b052a3ab7d4d2db829c865df51a6297f";
  private final ECKey key = generate("k1");
  private final String jwks = new JWKSet(key.toPublicJWK()).toString();

  private static ECKey generate(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(ECKey key, String type, long seq) throws Exception {
    SignedJWT jws =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType(type))
                .build(),
            new JWTClaimsSet.Builder()
                .claim("event", "sale")
                .claim("entrant", ENTRANT)
                .claim("joined_at_ms", 1_700_000_000_123L)
                .claim("pre_queue", true)
                .claim("log_seq", seq)
                .build());
    jws.sign(new ECDSASigner(key));
    return jws.serialize();
  }

  @Test
  void aSignedReceiptStatesItsClaim() throws Exception {
    ReceiptClaim claim = ReceiptReader.read(sign(key, ReceiptReader.TYPE, 7), jwks);

    assertThat(claim.eventId().value()).isEqualTo("sale");
    assertThat(claim.entrant().value()).isEqualTo(ENTRANT);
    assertThat(claim.joinedAt().toEpochMilli()).isEqualTo(1_700_000_000_123L);
    assertThat(claim.preQueue()).isTrue();
    assertThat(claim.logSeq()).isEqualTo(7);
  }

  @Test
  void aForgedOrForeignOrUntypedReceiptIsRefused() throws Exception {
    String honest = sign(key, ReceiptReader.TYPE, 7);
    String[] parts = honest.split("\\.");
    String otherBody = sign(key, ReceiptReader.TYPE, 8).split("\\.")[1];

    assertThatThrownBy(() -> ReceiptReader.read(parts[0] + "." + otherBody + "." + parts[2], jwks))
        .hasMessageContaining("signature does not hold");
    assertThatThrownBy(() -> ReceiptReader.read(sign(generate("k1"), ReceiptReader.TYPE, 7), jwks))
        .hasMessageContaining("signature does not hold");
    assertThatThrownBy(() -> ReceiptReader.read(sign(generate("k2"), ReceiptReader.TYPE, 7), jwks))
        .hasMessageContaining("no EC key k2");
    assertThatThrownBy(() -> ReceiptReader.read(sign(key, "JWT", 7), jwks))
        .hasMessageContaining("not a queuegate receipt");
    assertThatThrownBy(() -> ReceiptReader.read("not.a.jws", jwks))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
