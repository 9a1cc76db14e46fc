package io.queuegate.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StoreHealth} must do: a healthy store answers within a second. */
public abstract class StoreHealthContract {
  private StoreHealth health;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    health = newStore().health();
  }

  @Test
  void healthyStore_answersWithinOneSecond() {
    assertThat(health.answers(Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void concurrentChecksOfAHealthyStore_allAnswer() {
    List<Boolean> answers =
        Concurrently.values(Concurrently.run(8, 64, i -> health.answers(Duration.ofSeconds(1))));

    assertThat(answers).hasSize(64).containsOnly(true);
  }
}
