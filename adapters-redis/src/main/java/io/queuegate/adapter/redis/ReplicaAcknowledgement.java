package io.queuegate.adapter.redis;

import io.queuegate.domain.model.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Join durability {@code REPLICA}: after a new join, WAIT 1 on the connection of the primary that
 * owns the event's slot, the one the join script went through.
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
   * Waits until a replica of the slot's primary has the join.
   *
   * @throws StoreUnavailableException when none acknowledged it within the command timeout
   */
  void await(RedisKeys keys) {
    if (!link.slotOwnerHasReplica(keys.position())) {
      // After a failover the promoted replica has no replica of its own until the old primary
      // returns. WAIT 1 could never succeed there: it would refuse every join of the shard and
      // block the shared connection for the whole timeout each time. The join is then as durable
      // as the shard can make it.
      if (warnedReplicaless.compareAndSet(false, true)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "join durability degraded: the primary of {0} has no live replica; joins are"
                + " acknowledged without WAIT until one is back",
            keys.position());
      }
      return;
    }
    long timeout = settings.commandTimeout().toMillis();
    Long acks = calls.await(link.slotOwner(keys.position()).waitForReplication(1, timeout));
    if (acks == null || acks < 1) {
      throw new StoreUnavailableException("no replica acknowledged the join in time", null);
    }
    if (warnedReplicaless.get()) {
      warnedReplicaless.set(false); // durable again: warn anew if the replica goes once more
    }
  }
}
