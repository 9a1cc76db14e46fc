package io.queuegate.domain.service;

import static io.queuegate.domain.model.ProofOfWorkRefusal.EXPIRED;
import static io.queuegate.domain.model.ProofOfWorkRefusal.MALFORMED;
import static io.queuegate.domain.model.ProofOfWorkRefusal.OTHER_EVENT;
import static io.queuegate.domain.model.ProofOfWorkRefusal.SIGNATURE;
import static io.queuegate.domain.model.ProofOfWorkRefusal.SPENT;
import static io.queuegate.domain.model.ProofOfWorkRefusal.WRONG_NUMBER;

import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.port.out.SpentChallenges;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks ALTCHA challenges (docs/design.md#bots). The salt carries {@code
 * ?expires=<epoch seconds>&event=<event id>&}; the challenge is hex SHA-256(salt + number) and the
 * signature hex HMAC-SHA256(secret, challenge), so a challenge is stateless, bound to one event and
 * expiring; the spent-challenge store makes each one buy a single join.
 */
public final class ProofOfWork {
  private static final HexFormat HEX = HexFormat.of();
  private static final String HMAC_SHA_256 = "HmacSHA256";
  private final ProofOfWorkSettings settings;
  private final SpentChallenges spent;
  private final AdaptiveDifficulty difficulty;
  private final RandomGenerator random;
  private final SecretKeySpec key;

  /**
   * @param difficulty told of every spent challenge, so the event's join rate raises the next ones
   */
  public ProofOfWork(
      ProofOfWorkSettings settings, SpentChallenges spent, AdaptiveDifficulty difficulty) {
    this(settings, spent, difficulty, new SecureRandom());
  }

  ProofOfWork(
      ProofOfWorkSettings settings,
      SpentChallenges spent,
      AdaptiveDifficulty difficulty,
      RandomGenerator random) {
    this.settings = Objects.requireNonNull(settings);
    this.spent = Objects.requireNonNull(spent);
    this.difficulty = Objects.requireNonNull(difficulty);
    this.random = Objects.requireNonNull(random);
    this.key = new SecretKeySpec(settings.secret(), HMAC_SHA_256);
  }

  /** A fresh challenge for {@code eventId}: the secret number is drawn from 0..maxNumber. */
  public Challenge issue(EventId eventId, long maxNumber, Instant now) {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    long expires = now.plus(settings.challengeTtl()).getEpochSecond();
    // The closing '&' (as ALTCHA's libraries write it) ends the parameters where the number begins.
    String salt = HEX.formatHex(nonce) + "?expires=" + expires + "&event=" + eventId.value() + "&";
    long number = random.nextLong(maxNumber + 1);
    String challenge = sha256Hex(salt + number);
    return new Challenge(Challenge.SHA_256, challenge, maxNumber, salt, hmacHex(challenge));
  }

  /**
   * Checks a solution in constant time and spends its challenge.
   *
   * @throws InvalidProofOfWork when it is wrong, expired, for another event or already spent
   */
  public void verify(ProofOfWorkSolution solution, EventId eventId, Instant now) {
    if (!Challenge.SHA_256.equals(solution.algorithm()) || solution.number() < 0) {
      throw new InvalidProofOfWork(MALFORMED, "unsupported algorithm or negative number");
    }
    if (!constantTimeEquals(hmacHex(solution.challenge()), solution.signature())) {
      throw new InvalidProofOfWork(SIGNATURE, "bad signature");
    }
    if (!constantTimeEquals(sha256Hex(solution.salt() + solution.number()), solution.challenge())) {
      throw new InvalidProofOfWork(WRONG_NUMBER, "wrong number");
    }
    // Without it, digits could move between the number and the last parameter with the same hash:
    // "event=sale" + "42" is "event=sale4" + "2", a solution for another event or a later expiry.
    if (!solution.salt().endsWith("&")) {
      throw new InvalidProofOfWork(MALFORMED, "salt parameters not closed by '&'");
    }
    Instant expires =
        param(solution.salt(), "expires")
            .flatMap(ProofOfWork::epochSeconds)
            .orElseThrow(() -> new InvalidProofOfWork(MALFORMED, "salt without expiry"));
    if (!now.isBefore(expires)) {
      throw new InvalidProofOfWork(EXPIRED, "challenge expired");
    }
    if (!param(solution.salt(), "event").map(eventId.value()::equals).orElse(false)) {
      throw new InvalidProofOfWork(OTHER_EVENT, "challenge issued for another event");
    }
    if (!spent.spend(eventId, solution.challenge(), expires, now)) {
      throw new InvalidProofOfWork(SPENT, "challenge already used");
    }
    difficulty.joined(eventId, now);
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  private static Optional<String> param(String salt, String name) {
    int query = salt.indexOf('?');
    if (query < 0) {
      return Optional.empty();
    }
    for (String pair : salt.substring(query + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return Optional.of(pair.substring(eq + 1));
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String sha256Hex(String input) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private String hmacHex(String input) {
    try {
      // A Mac is not thread-safe and cheap to make; one per call keeps verify lock-free.
      Mac mac = Mac.getInstance(HMAC_SHA_256);
      mac.init(key);
      return HEX.formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
