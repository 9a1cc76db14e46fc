package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.log.ReceiptClaim;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.WaiterId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Join receipts: signed with the admission key found in the published JWK set, never a token. */
class JwtReceiptSignerTest {
  private static final Instant JOINED = Instant.parse("2030-01-01T10:00:00.123Z");
  private final JwtAdmissionTokenSigner admissions = JwtAdmissionTokenSigner.ephemeral("qg");
  private final JwtReceiptSigner receipts = JwtReceiptSigner.sharingKeysOf(admissions);
  private final ReceiptClaim claim =
      new ReceiptClaim(new EventId("sale"), EntrantId.of(WaiterId.random()), JOINED, true, 42);

  @Test
  void aReceiptVerifiesWithThePublishedKey_andStatesTheClaim() throws Exception {
    SignedJWT jws = SignedJWT.parse(receipts.sign(claim));

    ECKey key =
        (ECKey) JWKSet.parse(admissions.jwksJson()).getKeyByKeyId(jws.getHeader().getKeyID());
    assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
    assertThat(jws.getHeader().getType().getType()).isEqualTo("queuegate-receipt+jwt");
    assertThat(jws.getJWTClaimsSet().getStringClaim("event")).isEqualTo("sale");
    assertThat(jws.getJWTClaimsSet().getStringClaim("entrant")).isEqualTo(claim.entrant().value());
    assertThat(jws.getJWTClaimsSet().getLongClaim("joined_at_ms")).isEqualTo(JOINED.toEpochMilli());
    assertThat(jws.getJWTClaimsSet().getBooleanClaim("pre_queue")).isTrue();
    assertThat(jws.getJWTClaimsSet().getLongClaim("log_seq")).isEqualTo(42);
    assertThat(jws.getPayload().toString()).doesNotContain("~");
  }

  @Test
  void aReceiptIsNoAdmissionToken() {
    String receipt = receipts.sign(claim);

    assertThatThrownBy(() -> admissions.verify(receipt, JOINED))
        .isInstanceOf(InvalidAdmissionToken.class);
  }
}
