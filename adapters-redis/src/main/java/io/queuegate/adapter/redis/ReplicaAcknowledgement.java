package io.queuegate.adapter.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.queuegate.domain.model.StoreUnavailableException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Join durability {@code REPLICA}: a new join is followed by WAIT 1 on a connection of its own to
 * the primary that owns the event's slot. WAIT counts only the writes of the connection it runs on,
 * so the join script goes through that connection too; and WAIT blocks its connection until a
 * replica answers, so it must not be the shared one that every status call of the instance uses.
 */
final class ReplicaAcknowledgement {
  private static final System.Logger LOG = System.getLogger(ReplicaAcknowledgement.class.getName());

  private final RedisLink link;
  private final RedisCalls calls;
  private final RedisSettings settings;
  private final AtomicBoolean warnedReplicaless = new AtomicBoolean();

  ReplicaAcknowledgement(RedisLink link, RedisCalls calls, RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.settings = settings;
  }

  /**
   * The connection a join of this event must run on when a WAIT will follow it, or empty when the
   * join is not awaited (durability off, or no replica to wait for).
   */
  Optional<RedisClusterAsyncCommands<String, String>> connectionFor(RedisKeys keys) {
    if (settings.joinDurability() != RedisSettings.JoinDurability.REPLICA) {
      return Optional.empty();
    }
    if (!link.slotOwnerHasReplica(keys.position())) {
      // After a failover the promoted replica has no replica of its own until the old primary
      // returns. WAIT 1 could never succeed there: it would refuse every join of the shard after
      // a whole timeout each. The join is then as durable as the shard can make it.
      if (warnedReplicaless.compareAndSet(false, true)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "join durability degraded: the primary of {0} has no live replica; joins are"
                + " acknowledged without WAIT until one is back",
            keys.position());
      }
      return Optional.empty();
    }
    return Optional.of(link.waitingConnection(keys.position()));
  }

  /**
   * Waits until a replica has every write made through {@code connection}, the join included.
   *
   * @throws StoreUnavailableException when none acknowledged it within the command timeout
   */
  void await(RedisClusterAsyncCommands<String, String> connection) {
    long timeout = settings.commandTimeout().toMillis();
    Long acks = calls.await(connection.waitForReplication(1, timeout));
    if (acks == null || acks < 1) {
      throw new StoreUnavailableException("no replica acknowledged the join in time", null);
    }
    if (warnedReplicaless.get()) {
      warnedReplicaless.set(false); // durable again: warn anew if the replica goes once more
    }
  }
}
