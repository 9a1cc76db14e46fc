package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.InvalidEnqueueToken;
import io.queuegate.domain.model.InvalidEventId;
import io.queuegate.domain.model.SignedAdmission;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs admission tokens as ES256 JWTs with a {@code kid} header, and checks them. Expiry has no
 * leeway: this service both signs and checks, and a token lives for minutes, so a few seconds of
 * clock skew between instances only moves the end of that window.
 */
public final class JwtAdmissionTokenSigner implements AdmissionTokenSigner {

  /**
   * The claim that carries the {@code sub} of the verified enqueue token the join carried, present
   * only then. Unlike {@code sub}, no client can choose it (docs/design.md#admission-tokens).
   */
  static final String ENQUEUE_SUB_CLAIM = "enqueue_sub";

  /** Far above any token this class signs; longer input is refused before parsing. */
  static final int MAX_TOKEN_LENGTH = 4096;

  private static final System.Logger LOG =
      System.getLogger(JwtAdmissionTokenSigner.class.getName());

  private final String issuer;
  private final AdmissionKeyRing keys;

  private JwtAdmissionTokenSigner(String issuer, AdmissionKeyRing keys) {
    this.issuer = Objects.requireNonNull(issuer);
    this.keys = keys;
  }

  /**
   * The signer for these settings: the configured keys, or an ephemeral key when none are set.
   *
   * @throws IllegalArgumentException when the JWK set is unusable or has no such signing kid
   */
  public static JwtAdmissionTokenSigner from(AdmissionKeySettings settings) {
    return settings
        .jwkSetJson()
        .map(json -> AdmissionKeyRing.parse(json, settings.signingKeyId()))
        .map(ring -> new JwtAdmissionTokenSigner(settings.issuer(), ring))
        .orElseGet(() -> ephemeral(settings.issuer()));
  }

  /** A signer with a freshly generated key that lives only as long as this process. */
  public static JwtAdmissionTokenSigner ephemeral(String issuer) {
    AdmissionKeyRing ring = AdmissionKeyRing.generate();
    LOG.log(
        System.Logger.Level.WARNING,
        "No admission signing keys are configured; generated an ephemeral EC P-256 key (kid {0})."
            + " Admission tokens will not verify after a restart or on other instances.",
        ring.signingKeyId());
    return new JwtAdmissionTokenSigner(issuer, ring);
  }

  @Override
  public SignedAdmission sign(AdmissionClaims claims) {
    // JWT dates are whole seconds; the returned claims say exactly what verify() will read back.
    AdmissionClaims exact =
        new AdmissionClaims(
            claims.audience(),
            claims.subject(),
            claims.identity(),
            claims.tokenId(),
            claims.issuedAt().truncatedTo(ChronoUnit.SECONDS),
            claims.expiresAt().truncatedTo(ChronoUnit.SECONDS));
    JWTClaimsSet.Builder body =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(exact.audience().value())
            .subject(exact.subject())
            .jwtID(exact.tokenId())
            .issueTime(Date.from(exact.issuedAt()))
            .expirationTime(Date.from(exact.expiresAt()));
    exact.identity().ifPresent(identity -> body.claim(ENQUEUE_SUB_CLAIM, identity.subject()));
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(keys.signingKeyId())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, body.build());
    try {
      jwt.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an admission token", e);
    }
    return new SignedAdmission(jwt.serialize(), exact);
  }

  @Override
  public AdmissionClaims verify(String token, Instant now) {
    if (token == null || token.isBlank()) {
      throw new InvalidAdmissionToken("missing");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidAdmissionToken("too long");
    }
    JWTClaimsSet claims = verifiedClaims(token);
    requireEqual(issuer, claims.getIssuer(), "wrong issuer");
    AdmissionClaims result =
        new AdmissionClaims(
            audience(claims.getAudience()),
            required(claims.getSubject(), "sub"),
            identity(claims),
            required(claims.getJWTID(), "jti"),
            required(claims.getIssueTime(), "iat").toInstant(),
            required(claims.getExpirationTime(), "exp").toInstant());
    if (!result.expiresAt().isAfter(now)) {
      throw new InvalidAdmissionToken("expired");
    }
    return result;
  }

  /** The issuer, for the receipts signed with the same key. */
  String issuer() {
    return issuer;
  }

  /** The keys, for the receipts signed with the same key. */
  AdmissionKeyRing keys() {
    return keys;
  }

  @Override
  public String jwksJson() {
    return keys.publicJwksJson();
  }

  @Override
  public String toString() {
    return "JwtAdmissionTokenSigner[issuer="
        + issuer
        + ", signingKeyId="
        + keys.signingKeyId()
        + ", keys="
        + keys.size()
        + "]";
  }

  // Library exceptions stop here: callers only ever see InvalidAdmissionToken.
  private JWTClaimsSet verifiedClaims(String token) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidAdmissionToken("malformed");
    }
    // Only ES256: this blocks "none" and HS256 signed with the published public key as secret.
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidAdmissionToken("unexpected algorithm");
    }
    JWSVerifier verifier =
        keys.verifier(jwt.getHeader().getKeyID())
            .orElseThrow(() -> new InvalidAdmissionToken("unknown key"));
    return SignedTokens.verifiedClaims(jwt, verifier, InvalidAdmissionToken::new);
  }

  private static EventId audience(List<String> audience) {
    if (audience == null || audience.size() != 1) {
      throw new InvalidAdmissionToken("aud must name one event");
    }
    try {
      return new EventId(audience.getFirst());
    } catch (InvalidEventId e) {
      throw new InvalidAdmissionToken("aud is not an event id");
    }
  }

  private static Optional<Identity> identity(JWTClaimsSet claims) {
    Object value = claims.getClaim(ENQUEUE_SUB_CLAIM);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String subject)) {
      throw new InvalidAdmissionToken(ENQUEUE_SUB_CLAIM + " is not a string");
    }
    try {
      return Optional.of(new Identity(subject));
    } catch (InvalidEnqueueToken e) {
      throw new InvalidAdmissionToken(ENQUEUE_SUB_CLAIM + " is not an identity");
    }
  }

  private static <T> T required(T value, String claim) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidAdmissionToken(claim + " missing");
    }
    return value;
  }

  private static void requireEqual(String expected, String actual, String reason) {
    if (!expected.equals(actual)) {
      throw new InvalidAdmissionToken(reason);
    }
  }
}
