package io.queuegate.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.port.out.SessionTokenSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the gate's session cookies as HS256 JWTs of type {@code qg-session}, with a secret every
 * instance shares, and checks them without a store read. Times are in milliseconds (rooms may have
 * idle timeouts of a few seconds). Any failure to check, whatever the library says, is simply "not
 * a session".
 *
 * <p>A visitor sends the same cookie with every request until it is renewed, so the sessions of
 * cookies that checked are kept, by their exact text, in a bounded per-instance map: the check then
 * costs a map lookup instead of decoding and a MAC. The same text always checks the same way, so
 * this changes no answer; whether the session is still live is decided afresh each time.
 */
public final class JwtSessionTokenSigner implements SessionTokenSigner {
  /** HS256 needs a key of at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  static final JOSEObjectType TYPE = new JOSEObjectType("qg-session");
  private static final int MAX_TOKEN_LENGTH = 4096;
  // A few hundred bytes per entry: a bounded cost, well under one entry per active visitor.
  static final int MAX_REMEMBERED = 20_000;
  private static final System.Logger LOG = System.getLogger(JwtSessionTokenSigner.class.getName());

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build();
  private final ConcurrentHashMap<String, Session> checked = new ConcurrentHashMap<>();

  private JwtSessionTokenSigner(byte[] secret) {
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the session secret is unusable", e);
    }
  }

  /**
   * The signer for the configured secret, or for a random one (with a warning) when none is set.
   *
   * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_BYTES}
   *     bytes
   */
  public static JwtSessionTokenSigner from(Optional<String> secret) {
    if (secret.isPresent()) {
      byte[] bytes = secret.get().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "the gate's session secret must be at least " + MIN_SECRET_BYTES + " bytes");
      }
      return new JwtSessionTokenSigner(bytes);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "No gate session secret is configured; generated a random one. Session cookies will not"
            + " verify after a restart or on other instances.");
    byte[] random = new byte[MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(random);
    return new JwtSessionTokenSigner(random);
  }

  @Override
  public String sign(Session session) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim("room", session.room().value())
            .claim("evt", session.eventId().value())
            .claim("adm", session.admissionId())
            .claim("aat", session.admittedAt().toEpochMilli())
            .claim("iss_ms", session.issuedAt().toEpochMilli())
            .claim("idle", session.idleDeadline().toEpochMilli())
            .claim("cap", session.hardCap().toEpochMilli())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a session", e);
    }
    return jwt.serialize();
  }

  @Override
  public Optional<Session> verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    Session known = checked.get(token);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Session> session = check(token);
    session.ifPresent(
        s -> {
          if (checked.size() >= MAX_REMEMBERED) {
            checked.clear(); // a flood of distinct cookies must not decide our memory use
          }
          checked.put(token, s);
        });
    return session;
  }

  private Optional<Session> check(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      // Only our own type with HS256: no "none", no algorithm chosen by whoever wrote the cookie.
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !TYPE.equals(jwt.getHeader().getType())
          || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      return Optional.of(
          new Session(
              new RoomId(c.getStringClaim("room")),
              new EventId(c.getStringClaim("evt")),
              required(c.getStringClaim("adm")),
              millis(c.getLongClaim("aat")),
              millis(c.getLongClaim("iss_ms")),
              millis(c.getLongClaim("idle")),
              millis(c.getLongClaim("cap"))));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Instant millis(Long value) {
    return Instant.ofEpochMilli(required(value));
  }

  private static <T> T required(T value) {
    if (value == null) {
      throw new IllegalArgumentException("a session claim is missing");
    }
    return value;
  }
}
