package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.port.out.SpentChallenges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {
  static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
  static final ProofOfWorkSettings SETTINGS =
      new ProofOfWorkSettings(SECRET, Duration.ofMinutes(5), 2, 500, Duration.ofSeconds(10));
  private static final EventId EVENT = new EventId("sale");
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final SpentChallenges spent = new SpentSet();
  private final ProofOfWork pow =
      new ProofOfWork(SETTINGS, spent, new AdaptiveDifficulty(SETTINGS));

  @Test
  void issuedChallenge_isInAltchaFormat_andBoundToEventAndExpiry() {
    Challenge c = pow.issue(EVENT, 5_000, NOW);

    assertThat(c.algorithm()).isEqualTo("SHA-256");
    assertThat(c.maxNumber()).isEqualTo(5_000);
    assertThat(c.challenge()).matches("[0-9a-f]{64}");
    assertThat(c.signature()).matches("[0-9a-f]{64}");
    assertThat(c.salt())
        .endsWith("?expires=" + NOW.plusSeconds(300).getEpochSecond() + "&event=sale&");
  }

  @Test
  void solvedChallenge_isAccepted() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(EVENT, 5_000, NOW));

    assertThatCode(() -> pow.verify(s, EVENT, NOW.plusSeconds(10))).doesNotThrowAnyException();
  }

  @Test
  void acceptedSolution_countsAsAJoinOfTheEvent_aRefusedOneDoesNot() {
    // An event allowed one join every 20 s: a single counted join (0.1/s) doubles the difficulty.
    ProofOfWorkSettings slow =
        new ProofOfWorkSettings(SECRET, Duration.ofMinutes(5), 2, 0.05, Duration.ofSeconds(10));
    AdaptiveDifficulty difficulty = new AdaptiveDifficulty(slow);
    ProofOfWork counted = new ProofOfWork(slow, new SpentSet(), difficulty);
    ProofOfWorkSolution s = Solver.solve(counted.issue(EVENT, 1_000, NOW));

    assertThatThrownBy(() -> counted.verify(Solver.withNumber(s, s.number() + 1), EVENT, NOW))
        .isInstanceOf(InvalidProofOfWork.class);
    long afterRefusal = difficulty.next(EVENT, "p", 1_000, NOW);
    counted.verify(s, EVENT, NOW);
    long afterJoin = difficulty.next(EVENT, "q", 1_000, NOW);

    assertThat(afterRefusal).isEqualTo(1_000);
    assertThat(afterJoin).isEqualTo(2_000);
  }

  @Test
  void digitsMovedFromTheNumberIntoTheSalt_areRefused_thoughTheHashStillMatches() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(EVENT, 5_000, NOW));
    // Two digits at least, and no zero after the first: "05" would come back as 5, another string.
    while (s.number() < 10 || Long.toString(s.number()).charAt(1) == '0') {
      s = Solver.solve(pow.issue(EVENT, 5_000, NOW));
    }
    String digits = Long.toString(s.number());
    // The last '&' dropped and the number's first digit glued on: "event=sale" + "4" + "2".
    String spliced = s.salt().substring(0, s.salt().length() - 1) + "&" + digits.charAt(0);
    ProofOfWorkSolution moved =
        new ProofOfWorkSolution(
            s.algorithm(),
            s.challenge(),
            Long.parseLong(digits.substring(1)),
            spliced,
            s.signature());

    assertThatThrownBy(() -> pow.verify(moved, EVENT, NOW))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("not closed")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.MALFORMED);
  }

  @Test
  void wrongNumber_isRefused() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(EVENT, 5_000, NOW));

    assertThatThrownBy(() -> pow.verify(Solver.withNumber(s, s.number() + 1), EVENT, NOW))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("wrong number")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.WRONG_NUMBER);
  }

  @Test
  void challengeSignedWithAnotherSecret_isRefused() {
    byte[] other = "another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8);
    ProofOfWork forger =
        new ProofOfWork(
            new ProofOfWorkSettings(other, Duration.ofMinutes(5), 2, 500, Duration.ofSeconds(10)),
            spent,
            new AdaptiveDifficulty(SETTINGS));
    ProofOfWorkSolution s = Solver.solve(forger.issue(EVENT, 5_000, NOW));

    assertThatThrownBy(() -> pow.verify(s, EVENT, NOW))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("bad signature")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.SIGNATURE);
  }

  @Test
  void expiredChallenge_isRefused() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(EVENT, 5_000, NOW));

    assertThatThrownBy(() -> pow.verify(s, EVENT, NOW.plusSeconds(300)))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("expired")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.EXPIRED);
  }

  @Test
  void challengeOfAnotherEvent_isRefused() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(new EventId("other"), 5_000, NOW));

    assertThatThrownBy(() -> pow.verify(s, EVENT, NOW))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("another event")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.OTHER_EVENT);
  }

  @Test
  void replayedSolution_isRefused() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(EVENT, 5_000, NOW));
    pow.verify(s, EVENT, NOW);

    assertThatThrownBy(() -> pow.verify(s, EVENT, NOW.plusSeconds(1)))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("already used")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.SPENT);
  }

  @Test
  void saltWithEditedEvent_isRefused_becauseTheHashNoLongerMatches() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(new EventId("other"), 5_000, NOW));
    ProofOfWorkSolution edited =
        new ProofOfWorkSolution(
            s.algorithm(),
            s.challenge(),
            s.number(),
            s.salt().replace("event=other", "event=sale"),
            s.signature());

    assertThatThrownBy(() -> pow.verify(edited, EVENT, NOW))
        .isInstanceOf(InvalidProofOfWork.class)
        .hasMessageContaining("wrong number")
        .hasFieldOrPropertyWithValue("reason", ProofOfWorkRefusal.WRONG_NUMBER);
  }

  @Test
  void otherAlgorithm_isRefused() {
    ProofOfWorkSolution s = Solver.solve(pow.issue(EVENT, 5_000, NOW));
    ProofOfWorkSolution md5 =
        new ProofOfWorkSolution("MD5", s.challenge(), s.number(), s.salt(), s.signature());

    assertThatThrownBy(() -> pow.verify(md5, EVENT, NOW)).isInstanceOf(InvalidProofOfWork.class);
  }

  /** A spent-challenge set as a store keeps it, without expiry (tests run within it). */
  static final class SpentSet implements SpentChallenges {
    private final Map<String, Instant> spent = new HashMap<>();

    @Override
    public synchronized boolean spend(
        EventId eventId, String challenge, Instant expiresAt, Instant now) {
      return spent.putIfAbsent(eventId.value() + "|" + challenge, expiresAt) == null;
    }
  }
}
