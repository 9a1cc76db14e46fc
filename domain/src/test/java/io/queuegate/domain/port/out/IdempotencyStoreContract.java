package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.atMillis;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.IdempotencyBegin;
import io.queuegate.domain.model.IdempotencyReply;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} must do: one claim per key, replay of a finished request,
 * conflict for another body, release, and lapse of claims and replies through {@code now}.
 */
public abstract class IdempotencyStoreContract {
  private static final Duration IN_FLIGHT = Duration.ofSeconds(30);
  private static final Duration KEEP = Duration.ofSeconds(300);
  private static final IdempotencyReply REPLY = IdempotencyReply.stored("{\"status\":\"waiting\"}");
  private static final IdempotencyBegin STARTED = new IdempotencyBegin.Started();
  private static final IdempotencyBegin IN_FLIGHT_NOW = new IdempotencyBegin.InFlight();
  private static final IdempotencyBegin CONFLICT = new IdempotencyBegin.Conflict();

  private IdempotencyStore store;
  private String key;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    store = newStore().idempotency();
    key = "join:" + UUID.randomUUID();
  }

  @Test
  void beginOfANewKey_isStarted() {
    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(0))).isEqualTo(STARTED);
  }

  @Test
  void beginAgainWhileInFlight_withTheSameBody_isInFlight() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));

    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(1))).isEqualTo(IN_FLIGHT_NOW);
  }

  @Test
  void beginAgainWhileInFlight_withAnotherBody_isConflict() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));

    assertThat(store.begin(key, "fp-b", IN_FLIGHT, at(1))).isEqualTo(CONFLICT);
  }

  @Test
  void beginAfterComplete_withTheSameBody_replaysTheReply() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));
    store.complete(key, "fp-a", REPLY, KEEP, at(1));

    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(2)))
        .isEqualTo(new IdempotencyBegin.Replay(REPLY));
  }

  @Test
  void beginAfterComplete_withAnotherBody_isConflict() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));
    store.complete(key, "fp-a", REPLY, KEEP, at(1));

    assertThat(store.begin(key, "fp-b", IN_FLIGHT, at(2))).isEqualTo(CONFLICT);
  }

  @Test
  void beginAfterRelease_isStartedAgain() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));

    store.release(key);

    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(1))).isEqualTo(STARTED);
  }

  @Test
  void claimNotCompleted_lapsesAfterInFlightFor() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));

    assertThat(store.begin(key, "fp-a", IN_FLIGHT, atMillis(29_999))).isEqualTo(IN_FLIGHT_NOW);
    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(30))).isEqualTo(STARTED);
  }

  @Test
  void completedReply_lapsesAfterKeepFor() {
    store.begin(key, "fp-a", IN_FLIGHT, at(0));
    store.complete(key, "fp-a", REPLY, KEEP, at(10));

    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(309)))
        .isEqualTo(new IdempotencyBegin.Replay(REPLY));
    assertThat(store.begin(key, "fp-b", IN_FLIGHT, at(310))).isEqualTo(STARTED);
  }

  @Test
  void keys_areIndependent() {
    String other = "join:" + UUID.randomUUID();
    store.begin(key, "fp-a", IN_FLIGHT, at(0));
    store.complete(key, "fp-a", REPLY, KEEP, at(1));

    assertThat(store.begin(other, "fp-a", IN_FLIGHT, at(2))).isEqualTo(STARTED);
    store.release(other);
    assertThat(store.begin(key, "fp-a", IN_FLIGHT, at(3)))
        .isEqualTo(new IdempotencyBegin.Replay(REPLY));
  }

  @Test
  void concurrentBeginsOfOneKey_startExactlyOnce() {
    List<IdempotencyBegin> outcomes =
        Concurrently.values(
            Concurrently.run(16, 200, i -> store.begin(key, "fp-a", IN_FLIGHT, at(0))));

    assertThat(outcomes).filteredOn(STARTED::equals).hasSize(1);
    assertThat(outcomes).filteredOn(IN_FLIGHT_NOW::equals).hasSize(199);
  }

  @Test
  void concurrentBeginsWithDifferentBodies_startOnceAndConflictOtherwise() {
    List<IdempotencyBegin> outcomes =
        Concurrently.values(
            Concurrently.run(16, 200, i -> store.begin(key, "fp-" + i, IN_FLIGHT, at(0))));

    assertThat(outcomes).filteredOn(STARTED::equals).hasSize(1);
    assertThat(outcomes).filteredOn(CONFLICT::equals).hasSize(199);
  }
}
