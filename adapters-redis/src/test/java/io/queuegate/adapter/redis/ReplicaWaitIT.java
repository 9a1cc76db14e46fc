package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durable joins while the replica stalls (SIGSTOP): the join's WAIT blocks only a connection of its
 * own, so a status call of the same event, on the same primary, answers at once meanwhile.
 */
@ExtendWith(RedisExtension.class)
abstract class ReplicaWaitIT {
  /** Long enough that a status call stuck behind the WAIT could not pass for a fast one. */
  private static final Duration WAIT_TIMEOUT = Duration.ofMillis(1_500);

  private static final Duration FAST = Duration.ofMillis(300);

  /** Settings for servers where every primary has a replica. */
  protected abstract RedisSettings settings();

  protected abstract RedisAdmin admin();

  /** The server of the replica of the primary on {@code primaryPort}. */
  protected abstract RedisServer replicaOf(int primaryPort);

  @Test
  void whileTheReplicaStalls_aStatusCallDoesNotWaitBehindADurableJoin() {
    RedisSettings durable =
        settings().toBuilder()
            .joinDurability(RedisSettings.JoinDurability.REPLICA)
            .commandTimeout(WAIT_TIMEOUT)
            .build();
    try (RedisStores stores = RedisStores.connect(durable, CommandTimer.NONE)) {
      WaitingLine line = stores.store().line();
      EventId event = newEventId();
      WaiterId waiting = line.join(anonymous(event), 0, at(0)).standing().waiter().id();
      line.locate(event, waiting, at(0)); // loads the script while every node answers
      int primary = admin().ownerPort(new RedisKeys(event).position());
      RedisServer replica = replicaOf(primary);

      replica.freeze();
      try {
        CompletableFuture<Object> join =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return line.join(anonymous(event), 0, at(1));
                  } catch (RuntimeException e) {
                    return e;
                  }
                });
        Await.until(
            WAIT_TIMEOUT, "the join's WAIT in flight", () -> admin().blockedClients(primary) > 0);
        long started = System.nanoTime();
        WaiterStanding standing = line.locate(event, waiting, at(2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(standing.position()).isEqualTo(1);
        assertThat(took).isLessThan(FAST);
        assertThat(join.join()).isInstanceOf(StoreUnavailableException.class);
      } finally {
        replica.thaw();
      }
    }
  }
}
