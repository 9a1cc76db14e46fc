package io.queuegate.adapter.memory;

import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.port.out.SpentChallengesContract;
import org.junit.jupiter.api.Test;

class InMemorySpentChallengesTest extends SpentChallengesContract {
  @Override
  protected QueueStore newStore() {
    return InMemoryStores.create();
  }

  @Test
  void spendAfterExpiry_winsAgain() {
    InMemorySpentChallenges spent = new InMemorySpentChallenges();
    EventId event = newEventId();
    spent.spend(event, "abc", at(10), at(0));

    assertThat(spent.spend(event, "abc", at(20), at(10))).isTrue();
  }

  @Test
  void expiredChallenges_areSweptAway() {
    InMemorySpentChallenges spent = new InMemorySpentChallenges();
    EventId event = newEventId();
    for (int i = 0; i < 1023; i++) {
      spent.spend(event, "c" + i, at(10), at(0));
    }

    spent.spend(event, "last", at(100), at(50));

    assertThat(spent.size()).isEqualTo(1);
  }
}
