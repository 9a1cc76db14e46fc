package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SpentChallenges} must do: the first spend wins, every later one until expiry
 * loses, events do not share challenges, and concurrent spends of one challenge let exactly one in.
 */
public abstract class SpentChallengesContract {
  private SpentChallenges spent;
  private EventId event;
  private String challenge;

  /** A fresh store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    spent = newStore().spentChallenges();
    event = newEventId();
    challenge = UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void firstSpend_wins() {
    assertThat(spent.spend(event, challenge, at(300), at(0))).isTrue();
  }

  @Test
  void secondSpendBeforeExpiry_loses() {
    spent.spend(event, challenge, at(300), at(0));

    assertThat(spent.spend(event, challenge, at(300), at(1))).isFalse();
  }

  @Test
  void sameChallengeOfAnotherEvent_isSpentSeparately() {
    spent.spend(event, challenge, at(300), at(0));

    assertThat(spent.spend(newEventId(), challenge, at(300), at(0))).isTrue();
  }

  @Test
  void concurrentSpendsOfOneChallenge_letExactlyOneIn() {
    List<Boolean> results =
        Concurrently.values(
            Concurrently.run(8, 32, i -> spent.spend(event, challenge, at(300), at(0))));

    assertThat(results).containsOnlyOnce(true).hasSize(32);
  }
}
