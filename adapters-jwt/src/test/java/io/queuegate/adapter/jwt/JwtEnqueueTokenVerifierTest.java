package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidEnqueueToken;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtEnqueueTokenVerifierTest {

  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final EventId EVENT = new EventId("concert-1");
  private static final String SECRET = "shop-secret-0123456789abcdef0123456789";
  private static final String ISSUER = "https://shop.example";

  private static RSAKey rsa;
  private static ECKey ec;

  @BeforeAll
  static void keys() throws JOSEException {
    rsa = new RSAKeyGenerator(2048).keyID("shop-rsa").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("shop-ec").generate();
  }

  private static JwtEnqueueTokenVerifier hs256Verifier() {
    return new JwtEnqueueTokenVerifier(
        new EnqueueTokenSettings(Optional.of(ISSUER), Optional.of(SECRET), Optional.empty()));
  }

  private static JwtEnqueueTokenVerifier jwksVerifier(JWK... keys) {
    String publicSet = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    return new JwtEnqueueTokenVerifier(
        new EnqueueTokenSettings(Optional.of(ISSUER), Optional.empty(), Optional.of(publicSet)));
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("person-1")
        .audience("concert-1")
        .issueTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(120)));
  }

  private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet body)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), body);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String hs256(JWTClaimsSet body) throws JOSEException {
    return sign(JWSAlgorithm.HS256, null, new MACSigner(SECRET), body);
  }

  @Test
  void hs256Token_namesThePersonInSub() throws JOSEException {
    assertThat(hs256Verifier().verify(hs256(claims().build()), EVENT, NOW))
        .isEqualTo(new Identity("person-1"));
  }

  @Test
  void rs256TokenFromJwkSet_isAccepted() throws JOSEException {
    String token = sign(JWSAlgorithm.RS256, "shop-rsa", new RSASSASigner(rsa), claims().build());

    assertThat(jwksVerifier(rsa, ec).verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void es256TokenFromJwkSet_isAccepted() throws JOSEException {
    String token = sign(JWSAlgorithm.ES256, "shop-ec", new ECDSASigner(ec), claims().build());

    assertThat(jwksVerifier(rsa, ec).verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void tokenWithoutKid_isAcceptedWhenOneKeyFitsItsAlgorithm() throws JOSEException {
    String token = sign(JWSAlgorithm.ES256, null, new ECDSASigner(ec), claims().build());

    assertThat(jwksVerifier(rsa, ec).verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void unknownKid_isRejected() throws JOSEException {
    String token = sign(JWSAlgorithm.ES256, "other", new ECDSASigner(ec), claims().build());

    assertThatThrownBy(() -> jwksVerifier(rsa, ec).verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("no key");
  }

  @Test
  void knownKidSignedByAnotherKey_isRejected() throws JOSEException {
    var impostor = new ECKeyGenerator(Curve.P_256).keyID("shop-ec").generate();
    String token = sign(JWSAlgorithm.ES256, "shop-ec", new ECDSASigner(impostor), claims().build());

    assertThatThrownBy(() -> jwksVerifier(rsa, ec).verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("bad signature");
  }

  @Test
  void hs256Token_isRejectedWhenOnlyAJwkSetIsConfigured() throws JOSEException {
    assertThatThrownBy(() -> jwksVerifier(rsa).verify(hs256(claims().build()), EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class);
  }

  @Test
  void wrongSecret_isRejected() throws JOSEException {
    String token = sign(JWSAlgorithm.HS256, null, new MACSigner("x".repeat(32)), claims().build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("bad signature");
  }

  @Test
  void audienceOfAnotherEvent_isRejected() throws JOSEException {
    String token = hs256(claims().audience("concert-2").build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("aud");
  }

  @Test
  void audienceListingThisAndAnotherEvent_isRejected() throws JOSEException {
    String token = hs256(claims().audience(List.of("concert-1", "concert-2")).build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("aud");
  }

  @Test
  void missingAudience_isAccepted() throws JOSEException {
    String token = hs256(claims().audience((String) null).build());

    assertThat(hs256Verifier().verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void missingSub_isRejected() throws JOSEException {
    String token = hs256(claims().subject(null).build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("sub");
  }

  @Test
  void missingExp_isRejected() throws JOSEException {
    String token = hs256(claims().expirationTime(null).build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("exp");
  }

  @Test
  void expiredBeyondTheSkew_isRejected() throws JOSEException {
    String token = hs256(claims().expirationTime(Date.from(NOW.minusSeconds(6))).build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("expired");
  }

  @Test
  void expiredWithinTheSkew_isAccepted() throws JOSEException {
    String token = hs256(claims().expirationTime(Date.from(NOW.minusSeconds(4))).build());

    assertThat(hs256Verifier().verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void notBeforeInTheFuture_isRejected() throws JOSEException {
    String token = hs256(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("not yet valid");
  }

  @Test
  void notBeforeInThePast_isAccepted() throws JOSEException {
    String token = hs256(claims().notBeforeTime(Date.from(NOW.minusSeconds(60))).build());

    assertThat(hs256Verifier().verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void wrongIssuer_isRejected() throws JOSEException {
    String token = hs256(claims().issuer("https://elsewhere.example").build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void missingIssuer_isRejected() throws JOSEException {
    String token = hs256(claims().issuer(null).build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void keysWithoutAnIssuer_cannotBuildAVerifier() {
    // Any issuer used to be accepted then: a token the same keys signed for another purpose would
    // have opened a place.
    assertThatThrownBy(
            () ->
                new JwtEnqueueTokenVerifier(
                    new EnqueueTokenSettings(
                        Optional.empty(), Optional.of(SECRET), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void audienceArrayNamingOnlyThisEvent_isAccepted() throws JOSEException {
    String token = hs256(claims().audience(List.of("concert-1")).build());

    assertThat(hs256Verifier().verify(token, EVENT, NOW)).isEqualTo(new Identity("person-1"));
  }

  @Test
  void audienceDifferingOnlyInLetterCase_isRejected() throws JOSEException {
    String token = hs256(claims().audience("Concert-1").build());

    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("aud");
  }

  @Test
  void notConfigured_rejectsEveryToken() throws JOSEException {
    var verifier = new JwtEnqueueTokenVerifier(EnqueueTokenSettings.disabled());

    assertThatThrownBy(() -> verifier.verify(hs256(claims().build()), EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("enqueue tokens are not configured");
  }

  @Test
  void algNone_isRejected() {
    String header = Base64URL.encode("{\"alg\":\"none\"}").toString();
    String payload = Base64URL.encode(claims().build().toString()).toString();

    assertThatThrownBy(() -> hs256Verifier().verify(header + "." + payload + ".", EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.bm9wZQ.c2ln", "...."})
  void garbage_isRejectedWithDomainException(String token) {
    assertThatThrownBy(() -> hs256Verifier().verify(token, EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class);
  }

  @Test
  void hugeToken_isRejectedBeforeParsing() {
    assertThatThrownBy(() -> hs256Verifier().verify("a".repeat(1_000_000), EVENT, NOW))
        .isInstanceOf(InvalidEnqueueToken.class)
        .hasMessageContaining("too long");
  }
}
