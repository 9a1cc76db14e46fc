package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidAdmissionToken;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JwtAdmissionTokenSignerTest {

  static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  static final ECKey OLD = ecKey("key-2029");
  static final ECKey NEW = ecKey("key-2030");
  static final AdmissionClaims CLAIMS =
      new AdmissionClaims(
          new EventId("concert-1"),
          "user-7",
          Optional.empty(),
          "adm-123",
          NOW,
          NOW.plusSeconds(300));
  static final AdmissionClaims INVITED =
      new AdmissionClaims(
          new EventId("concert-1"),
          "user-7",
          Optional.of(new Identity("person-1")),
          "adm-124",
          NOW,
          NOW.plusSeconds(300));

  static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static JwtAdmissionTokenSigner signer(String issuer, String signingKid, JWK... keys) {
    String privateSet = new JWKSet(List.of(keys)).toString(false);
    return JwtAdmissionTokenSigner.from(
        new AdmissionKeySettings(issuer, Optional.of(privateSet), Optional.of(signingKid)));
  }

  static JwtAdmissionTokenSigner signer(String signingKid, JWK... keys) {
    return signer("queuegate", signingKid, keys);
  }

  /** Signs arbitrary claims with the given key, for tokens the signer would never produce. */
  static String signWith(ECKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  static JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .issuer("queuegate")
        .audience("concert-1")
        .subject("user-7")
        .jwtID("adm-123")
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(300)));
  }

  @Test
  void signThenVerify_returnsTheSignedClaims() {
    var signer = signer("key-2030", NEW);

    var signed = signer.sign(CLAIMS);

    assertThat(signed.claims()).isEqualTo(CLAIMS);
    assertThat(signer.verify(signed.token(), NOW)).isEqualTo(CLAIMS);
  }

  @Test
  void sign_writesEs256HeaderWithKidAndEveryClaim() throws ParseException {
    var token = signer("key-2030", OLD, NEW).sign(CLAIMS).token();

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-2030");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("queuegate");
    assertThat(claims.getSubject()).isEqualTo("user-7");
    assertThat(claims.getJWTID()).isEqualTo("adm-123");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
    // A single string, not a one-element array, so that simple backends can compare it directly.
    assertThat(jwt.getPayload().toString()).contains("\"aud\":\"concert-1\"");
  }

  @Test
  void sign_ofAVerifiedJoin_putsTheIdentityInItsOwnClaim_andVerifyReadsItBack()
      throws ParseException {
    var signer = signer("key-2030", NEW);

    var signed = signer.sign(INVITED);

    JWTClaimsSet claims = SignedJWT.parse(signed.token()).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("user-7");
    assertThat(claims.getStringClaim("enqueue_sub")).isEqualTo("person-1");
    assertThat(signed.claims()).isEqualTo(INVITED);
    assertThat(signer.verify(signed.token(), NOW)).isEqualTo(INVITED);
  }

  @Test
  void sign_withoutIdentity_leavesTheClaimOut() throws ParseException {
    var token = signer("key-2030", NEW).sign(CLAIMS).token();

    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims())
        .doesNotContainKey("enqueue_sub");
  }

  @Test
  void verify_identityClaimThatIsNoString_rejects() throws JOSEException {
    var token = signWith(NEW, validClaims().claim("enqueue_sub", 42).build());

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("enqueue_sub");
  }

  @Test
  void sign_withSubSecondTimes_returnsTheWholeSecondsThatVerifyReadsBack() {
    var signer = signer("key-2030", NEW);
    var precise =
        new AdmissionClaims(
            new EventId("concert-1"),
            "user-7",
            Optional.empty(),
            "adm-1",
            NOW.plusMillis(700),
            NOW.plusSeconds(300).plusMillis(999));

    var signed = signer.sign(precise);

    assertThat(signed.claims().issuedAt()).isEqualTo(NOW);
    assertThat(signed.claims().expiresAt()).isEqualTo(NOW.plusSeconds(300));
    assertThat(signer.verify(signed.token(), NOW)).isEqualTo(signed.claims());
  }

  @Test
  void publishedJwks_aloneVerifiesATokenAndHoldsNoPrivatePart() throws Exception {
    var signer = signer("key-2030", NEW);
    var token = signer.sign(CLAIMS).token();

    JWKSet published = JWKSet.parse(signer.jwksJson());

    assertThat(signer.jwksJson()).doesNotContain("\"d\"").doesNotContain(NEW.getD().toString());
    assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
    ECKey key = (ECKey) published.getKeyByKeyId("key-2030");
    assertThat(SignedJWT.parse(token).verify(new ECDSAVerifier(key))).isTrue();
  }

  @Test
  void withoutSigningKeyId_theFirstKeySigns() throws ParseException {
    String set = new JWKSet(List.of(OLD, NEW)).toString(false);
    var signer =
        JwtAdmissionTokenSigner.from(
            new AdmissionKeySettings("queuegate", Optional.of(set), Optional.empty()));

    var token = signer.sign(CLAIMS).token();

    assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo("key-2029");
  }

  @Test
  void rotation_oldTokenVerifiesWhileOldKeyIsPublished() {
    var oldToken = signer("key-2029", OLD).sign(CLAIMS).token();

    var rotated = signer("key-2030", OLD, NEW);

    assertThat(rotated.verify(oldToken, NOW)).isEqualTo(CLAIMS);
    assertThat(rotated.verify(rotated.sign(CLAIMS).token(), NOW)).isEqualTo(CLAIMS);
    assertThat(rotated.jwksJson()).contains("key-2029").contains("key-2030");
  }

  @Test
  void rotation_oldTokenIsRejectedOnceOldKeyIsRemoved() {
    var oldToken = signer("key-2029", OLD).sign(CLAIMS).token();

    var retired = signer("key-2030", NEW);

    assertThat(retired.jwksJson()).doesNotContain("key-2029");
    assertThatThrownBy(() -> retired.verify(oldToken, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("unknown key");
  }

  @Test
  void verify_oneSecondBeforeExp_accepts() {
    var signer = signer("key-2030", NEW);
    var token = signer.sign(CLAIMS).token();

    assertThat(signer.verify(token, NOW.plusSeconds(299))).isEqualTo(CLAIMS);
  }

  @Test
  void verify_atExp_rejectsAsExpired() {
    var signer = signer("key-2030", NEW);
    var token = signer.sign(CLAIMS).token();

    assertThatThrownBy(() -> signer.verify(token, NOW.plusSeconds(300)))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("expired");
  }

  @Test
  void verify_tokenFromAnotherIssuer_rejects() {
    var token = signer("elsewhere", "key-2030", NEW).sign(CLAIMS).token();

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("wrong issuer");
  }

  @Test
  void verify_tamperedPayload_rejectsSignature() {
    var signer = signer("key-2030", NEW);
    String[] parts = signer.sign(CLAIMS).token().split("\\.");
    String forged = validClaims().audience("vip-concert").build().toString();
    String token =
        parts[0] + "." + Base64URL.encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertThatThrownBy(() -> signer.verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("bad signature");
  }

  @Test
  void verify_sameKidButAnotherKey_rejectsSignature() throws JOSEException {
    var impostor = ecKey("key-2030");
    var token = signWith(impostor, validClaims().build());

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("bad signature");
  }

  @Test
  void verify_algNone_rejects() {
    String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"key-2030\"}").toString();
    String payload = Base64URL.encode(validClaims().build().toString()).toString();

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(header + "." + payload + ".", NOW))
        .isInstanceOf(InvalidAdmissionToken.class);
  }

  @Test
  void verify_hs256WithThePublicKeyAsSecret_rejects() throws JOSEException {
    var signer = signer("key-2030", NEW);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-2030").build(),
            validClaims().build());
    jwt.sign(new MACSigner(signer.jwksJson().getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> signer.verify(jwt.serialize(), NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("unexpected algorithm");
  }

  @Test
  void verify_missingJti_rejects() throws JOSEException {
    var token = signWith(NEW, validClaims().jwtID(null).build());

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("jti missing");
  }

  @Test
  void verify_audienceThatIsNoEventId_rejects() throws JOSEException {
    var token = signWith(NEW, validClaims().audience("no spaces allowed").build());

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("aud");
  }

  @Test
  void verify_twoAudiences_rejects() throws JOSEException {
    var token = signWith(NEW, validClaims().audience(List.of("concert-1", "concert-2")).build());

    assertThatThrownBy(() -> signer("key-2030", NEW).verify(token, NOW))
        .isInstanceOf(InvalidAdmissionToken.class)
        .hasMessageContaining("aud");
  }

  static Stream<String> garbage() {
    return Stream.of(
        "",
        "   ",
        "not-a-jwt",
        "a.b.c",
        "....",
        "eyJhbGciOiJFUzI1NiJ9.e30.",
        "eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleS0yMDMwIn0.bm90IGpzb24.c2ln",
        "x".repeat(1_000_000),
        "a." + "b".repeat(10_000) + ".c");
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void verify_garbage_rejectsWithDomainException(String token) {
    var signer = signer("key-2030", NEW);

    assertThatThrownBy(() -> signer.verify(token, NOW)).isInstanceOf(InvalidAdmissionToken.class);
  }

  @Test
  void verify_null_rejectsWithDomainException() {
    assertThatThrownBy(() -> signer("key-2030", NEW).verify(null, NOW))
        .isInstanceOf(InvalidAdmissionToken.class);
  }

  @Test
  void toString_namesTheKeyButNotItsPrivatePart() {
    var signer = signer("key-2030", NEW);

    assertThat(signer.toString()).contains("key-2030").doesNotContain(NEW.getD().toString());
  }
}
