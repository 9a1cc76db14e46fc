package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.ProofOfWorkSolution;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Our challenges against ALTCHA's own Java library (org.altcha:altcha), so the format stays the one
 * the {@code altcha} widget and the other server libraries speak (docs/design.md#bots). The library
 * reads the wall clock for expiry, so these tests issue at the real now.
 */
class AltchaLibraryCompatibilityTest {
  // The library takes its HMAC key as a string (UTF-8); ours is bytes: the same ASCII key for both.
  private static final String KEY = "altcha-compatibility-key-0123456789abcdef";
  private static final ProofOfWorkSettings SETTINGS =
      new ProofOfWorkSettings(
          KEY.getBytes(StandardCharsets.UTF_8),
          Duration.ofMinutes(5),
          2,
          500,
          Duration.ofSeconds(10));
  private static final EventId EVENT = new EventId("sale");

  private final ProofOfWork pow =
      new ProofOfWork(SETTINGS, new ProofOfWorkTest.SpentSet(), new AdaptiveDifficulty(SETTINGS));

  /** The widget's payload: base64 of JSON {algorithm, challenge, number, salt, signature}. */
  private static String payload(
      String algorithm, String challenge, long number, String salt, String signature) {
    JSONObject json =
        new JSONObject()
            .put("algorithm", algorithm)
            .put("challenge", challenge)
            .put("number", number)
            .put("salt", salt)
            .put("signature", signature);
    return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ourChallenge_isSolvedByTheLibrary_andTheSolutionPassesBothVerifiers() throws Exception {
    Instant now = Instant.now();
    Challenge c = pow.issue(EVENT, 5_000, now);

    Altcha.Solution solved =
        Altcha.solveChallenge(c.challenge(), c.salt(), Altcha.Algorithm.SHA256, c.maxNumber(), 0);

    assertThat(solved).as("the library finds the number").isNotNull();
    String widgetPayload =
        payload(c.algorithm(), c.challenge(), solved.number, c.salt(), c.signature());
    assertThat(Altcha.verifySolution(widgetPayload, KEY, true)).isTrue();
    assertThat(Altcha.extractParams(c.salt())).containsEntry("event", "sale");
    assertThatCode(
            () ->
                pow.verify(
                    new ProofOfWorkSolution(
                        c.algorithm(), c.challenge(), solved.number, c.salt(), c.signature()),
                    EVENT,
                    now.plusSeconds(1)))
        .doesNotThrowAnyException();
  }

  @Test
  void libraryChallengeWithOurParamsAndKey_isAcceptedByOurVerifier() throws Exception {
    Instant now = Instant.now();
    Altcha.Challenge c =
        Altcha.createChallenge(
            new Altcha.ChallengeOptions()
                .setHmacKey(KEY)
                .setMaxNumber(5_000L)
                .setExpiresInSeconds(300)
                .addParam("event", "sale"));
    Altcha.Solution solved =
        Altcha.solveChallenge(c.challenge, c.salt, Altcha.Algorithm.SHA256, c.maxnumber, 0);
    ProofOfWorkSolution solution =
        new ProofOfWorkSolution(c.algorithm, c.challenge, solved.number, c.salt, c.signature);

    assertThatCode(() -> pow.verify(solution, EVENT, now)).doesNotThrowAnyException();
    // Spent once, like ours.
    assertThatThrownBy(() -> pow.verify(solution, EVENT, now))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("already used");
  }

  @Test
  void libraryChallengeWithoutOurEventParam_isRefused_soTheBindingIsOurs() throws Exception {
    Instant now = Instant.now();
    Altcha.Challenge c =
        Altcha.createChallenge(
            new Altcha.ChallengeOptions()
                .setHmacKey(KEY)
                .setMaxNumber(5_000L)
                .setExpiresInSeconds(300));
    Altcha.Solution solved =
        Altcha.solveChallenge(c.challenge, c.salt, Altcha.Algorithm.SHA256, c.maxnumber, 0);

    assertThatThrownBy(
            () ->
                pow.verify(
                    new ProofOfWorkSolution(
                        c.algorithm, c.challenge, solved.number, c.salt, c.signature),
                    EVENT,
                    now))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("another event");
  }

  @Test
  void ourChallenge_isRefusedByTheLibrary_underAnotherKey() throws Exception {
    Challenge c = pow.issue(EVENT, 1_000, Instant.now());
    Altcha.Solution solved =
        Altcha.solveChallenge(c.challenge(), c.salt(), Altcha.Algorithm.SHA256, 1_000, 0);

    String widgetPayload =
        payload(c.algorithm(), c.challenge(), solved.number, c.salt(), c.signature());

    assertThat(Altcha.verifySolution(widgetPayload, "another-key-another-key-another-key", true))
        .isFalse();
  }
}
