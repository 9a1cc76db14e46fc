package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Joins: join.lua on the event's slot, the active-event index noted in the same flush, and the
 * replica acknowledgement when joins must be durable.
 */
final class LineJoiner {
  private static final System.Logger LOG = System.getLogger(LineJoiner.class.getName());

  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final ScanFallback fallback;
  private final ActiveEventIndex activeEvents;
  private final ReplicaAcknowledgement replica;
  private final RedisSettings settings;

  LineJoiner(
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      ScanFallback fallback,
      ActiveEventIndex activeEvents,
      RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.fallback = fallback;
    this.activeEvents = activeEvents;
    this.replica = new ReplicaAcknowledgement(link, calls, settings);
    this.settings = settings;
  }

  Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
    RedisKeys keys = new RedisKeys(newWaiter.eventId());
    List<String> keyList = new ArrayList<>(keys.lineKeys());
    keyList.add(keys.sequence());
    keyList.add(keys.waiter(newWaiter.id()));
    CompletableFuture<List<Object>> joined =
        scripts.start(
            Script.JOIN,
            false,
            link.commands(),
            keyList,
            List.of(
                newWaiter.id().value(),
                newWaiter.userId().map(UserId::value).orElse(""),
                newWaiter.identity().map(Identity::subject).orElse(""),
                Long.toString(now.toEpochMilli()),
                Long.toString(maxWaiting),
                Script.flag(settings.legacyZset()),
                keys.waiterPrefix()));
    // Sent right behind the script, so the index costs no extra round trip.
    CompletableFuture<Double> noted = activeEvents.noteJoin(newWaiter.eventId());
    List<Object> raw = calls.await(joined);
    awaitNoted(noted, newWaiter.eventId());
    JoinReply reply = JoinReply.from(raw);
    if (!(reply instanceof JoinReply.Placed placed)) {
      throw new QueueFull();
    }
    Waiter waiter = placed.waiter().toWaiter(newWaiter.eventId(), placed.id(), now);
    if (!placed.existing() && settings.joinDurability() == RedisSettings.JoinDurability.REPLICA) {
      replica.await(keys);
    }
    return new Joined(
        placed.rank() >= 0
            ? new WaiterStanding(waiter, placed.rank() + 1, PositionMethods.INDEX)
            : fallback.standing(keys, waiter),
        placed.existing());
  }

  /**
   * The index key lives in a slot of its own, so in a cluster it may sit on another shard. The join
   * has taken effect whatever the index says: a failure here must not answer 503 to it (the client
   * would join again), nor tie every event's joins to the index's shard. The next join of the event
   * notes it again.
   */
  private void awaitNoted(CompletableFuture<Double> noted, EventId eventId) {
    try {
      calls.await(noted);
    } catch (StoreUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "event {0} joined but not noted in the active-event index: {1}",
          eventId,
          e.getMessage());
    }
  }
}
