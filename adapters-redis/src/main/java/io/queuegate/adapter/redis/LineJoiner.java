package io.queuegate.adapter.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventPaused;
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
import java.util.Optional;

/**
 * Joins: join.lua on the event's slot, then the active-event index noted, and the replica
 * acknowledgement when joins must be durable. The index costs a round trip after the script's.
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
    keyList.add(keys.waiter(newWaiter.id()));
    keyList.add(keys.erasing());
    // A durable join runs where its WAIT will, on a connection nothing else waits behind.
    Optional<RedisClusterAsyncCommands<String, String>> durable = replica.connectionFor(keys);
    List<Object> raw =
        calls.await(
            scripts.start(
                Script.JOIN,
                false,
                durable.orElseGet(link::commands),
                keyList,
                List.of(
                    newWaiter.id().value(),
                    newWaiter.userId().map(UserId::value).orElse(""),
                    newWaiter.identity().map(Identity::subject).orElse(""),
                    Long.toString(now.toEpochMilli()),
                    Long.toString(maxWaiting),
                    Script.flag(settings.legacyZset()),
                    keys.waiterPrefix(),
                    newWaiter.preQueue().map(e -> e.entrant().value()).orElse(""),
                    newWaiter
                        .preQueue()
                        .filter(e -> e.score().isPresent())
                        .map(e -> Long.toString(e.score().getAsLong()))
                        .orElse(""),
                    EntrantId.of(newWaiter.id()).value(),
                    Script.feedLength(settings))));
    JoinReply reply = JoinReply.from(raw);
    if (reply instanceof JoinReply.Erasing) {
      throw new EventPaused();
    }
    if (!(reply instanceof JoinReply.Placed placed)) {
      throw new QueueFull();
    }
    noteJoin(newWaiter.eventId());
    Waiter waiter = placed.waiter().toWaiter(newWaiter.eventId(), placed.id(), now);
    if (!placed.existing() && durable.isPresent()) {
      replica.await(durable.get());
    }
    return new Joined(
        placed.rank() >= 0
            ? new WaiterStanding(
                waiter, placed.rank() + 1, PositionMethods.INDEX, placed.waitsForOpening())
            : fallback.standing(keys, waiter),
        placed.existing(),
        placed.logSeq());
  }

  /**
   * Sent once the join has taken effect, never before: in a cluster the index lives on another
   * shard, and an entry that landed before the line had the waiter could be pruned as empty in
   * between, losing the event. A failure does not fail the join (the client would join again, and
   * every event's joins would hang on the index's shard): the next join or heartbeat flush of the
   * event notes it again.
   */
  private void noteJoin(EventId eventId) {
    try {
      calls.await(activeEvents.noteJoin(eventId));
    } catch (StoreUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "event {0} joined but not noted in the active-event index: {1}",
          eventId,
          e.getMessage());
    }
  }
}
