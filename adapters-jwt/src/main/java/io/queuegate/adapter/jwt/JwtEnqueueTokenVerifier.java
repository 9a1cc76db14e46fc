package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidEnqueueToken;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks the enqueue tokens a selling site signs (HS256, or RS256/ES256 from a JWK set) and names
 * the person in their {@code sub}. Unlike admission tokens, these come from another party's clock,
 * so {@code exp} and {@code nbf} get a small leeway.
 */
public final class JwtEnqueueTokenVerifier implements EnqueueTokenVerifier {

  /** Tolerated clock difference between the selling site and this service. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  /** Longer input is refused before parsing; RS256 tokens with a 4096-bit key stay far below. */
  static final int MAX_TOKEN_LENGTH = 8192;

  private final Optional<String> issuer;
  private final Optional<EnqueueKeys> keys;

  /**
   * @throws IllegalArgumentException when the configured JWK set is unreadable or has no usable key
   */
  public JwtEnqueueTokenVerifier(EnqueueTokenSettings settings) {
    this.issuer = settings.issuer();
    this.keys = settings.enabled() ? Optional.of(EnqueueKeys.from(settings)) : Optional.empty();
  }

  @Override
  public Identity verify(String token, EventId eventId, Instant now) {
    EnqueueKeys known =
        keys.orElseThrow(() -> new InvalidEnqueueToken("enqueue tokens are not configured"));
    if (token == null || token.isBlank()) {
      throw new InvalidEnqueueToken("missing");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidEnqueueToken("too long");
    }
    JWTClaimsSet claims = verifiedClaims(token, known);
    // The settings guarantee an issuer whenever keys exist.
    if (!issuer.orElseThrow().equals(claims.getIssuer())) {
      throw new InvalidEnqueueToken("wrong issuer");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new InvalidEnqueueToken("exp missing");
    }
    if (!exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
      throw new InvalidEnqueueToken("expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidEnqueueToken("not yet valid");
    }
    requireAudience(claims.getAudience(), eventId);
    String sub = claims.getSubject();
    if (sub == null) {
      throw new InvalidEnqueueToken("sub missing");
    }
    return new Identity(sub);
  }

  // Library exceptions stop here: callers only ever see InvalidEnqueueToken.
  private static JWTClaimsSet verifiedClaims(String token, EnqueueKeys known) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidEnqueueToken("malformed");
    }
    JWSVerifier verifier =
        known
            .verifierFor(jwt.getHeader())
            .orElseThrow(() -> new InvalidEnqueueToken("no key for this alg and kid"));
    return SignedTokens.verifiedClaims(jwt, verifier, InvalidEnqueueToken::new);
  }

  // aud is optional, but when present it must name this event and nothing else.
  private static void requireAudience(List<String> audience, EventId eventId) {
    if (audience == null || audience.isEmpty()) {
      return;
    }
    if (audience.size() != 1 || !eventId.value().equals(audience.getFirst())) {
      throw new InvalidEnqueueToken("aud is not this event");
    }
  }
}
