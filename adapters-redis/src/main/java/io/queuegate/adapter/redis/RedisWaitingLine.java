package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** The waiting line in Redis: one script per change, status in one EVALSHA_RO round trip. */
final class RedisWaitingLine implements WaitingLine {
  private static final System.Logger LOG = System.getLogger(RedisWaitingLine.class.getName());
  static final int TOUCH_CHUNK = 500;
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final ScanFallback fallback;
  private final EventRegistry registry;
  private final RedisSettings settings;
  private final AtomicBoolean warnedReplicaless = new AtomicBoolean();
  private final LocateBatches batches;

  RedisWaitingLine(
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      ScanFallback fallback,
      EventRegistry registry,
      RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.fallback = fallback;
    this.registry = registry;
    this.settings = settings;
    this.batches =
        new LocateBatches(
            (event, batch) ->
                locateCall(
                    event,
                    batch.stream().map(LocateBatches.Lookup::waiter).toList(),
                    // The latest clock of the batch: a tombstone counts as long as it outlives
                    // that.
                    batch.stream()
                        .map(LocateBatches.Lookup::now)
                        .max(Instant::compareTo)
                        .orElseThrow(),
                    true));
  }

  @Override
  public Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
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
                Replies.flag(settings.legacyZset()),
                keys.waiterPrefix()));
    // Sent right behind the script, so the registry costs no extra round trip.
    CompletableFuture<Double> registered = registry.noteJoin(newWaiter.eventId());
    List<Object> reply = calls.await(joined);
    awaitRegistry(registered, newWaiter.eventId());
    String tag = Replies.tag(reply);
    if (tag.equals("full")) {
      throw new QueueFull();
    }
    WaiterId id = new WaiterId(Replies.text(reply, 1));
    Waiter waiter = Replies.waiter(newWaiter.eventId(), id, reply, 2, now);
    boolean existing = tag.equals("existing");
    if (!existing && settings.joinDurability() == RedisSettings.JoinDurability.REPLICA) {
      awaitReplica(keys);
    }
    long rank = Replies.number(reply, 6);
    return new Joined(
        rank >= 0
            ? new WaiterStanding(waiter, rank + 1, PositionMethods.INDEX)
            : fallback.standing(keys, waiter),
        existing);
  }

  /**
   * The registry key lives in a slot of its own, so in a cluster it may sit on another shard. The
   * join has taken effect whatever the registry says: a failure here must not answer 503 to it (the
   * client would join again), nor tie every event's joins to the registry's shard. The next join of
   * the event registers it again.
   */
  private void awaitRegistry(CompletableFuture<Double> registered, EventId eventId) {
    try {
      calls.await(registered);
    } catch (StoreUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "event {0} joined but not noted in the registry: {1}",
          eventId,
          e.getMessage());
    }
  }

  private void awaitReplica(RedisKeys keys) {
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

  @Override
  public WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    // Bounded without a timer of our own: lettuce cuts every command, a NOSCRIPT reload and retry
    // included, at the command timeout, and a lookup waits for at most the call in flight and its
    // own. A Java-side timer (timed park or orTimeout) costs a thread hand-off per call.
    List<Object> reply = calls.join(batches.locate(eventId, waiterId, now));
    if (Replies.tag(reply).equals("missing")
        && settings.readFrom() == RedisSettings.ReadFrom.REPLICA_PREFERRED) {
      // A lagging replica must never produce a false 404: plain EVALSHA goes to the primary.
      reply = Replies.list(calls.await(locateCall(eventId, List.of(waiterId), now, false)), 0);
    }
    return switch (Replies.tag(reply)) {
      case "index" ->
          new WaiterStanding(
              Replies.waiter(eventId, waiterId, reply, 1, now),
              Replies.number(reply, 5) + 1,
              PositionMethods.INDEX);
      case "scan" -> fallback.standing(keys, Replies.waiter(eventId, waiterId, reply, 1, now));
      case "legacy" ->
          new WaiterStanding(
              Replies.waiter(eventId, waiterId, reply, 1, now),
              Replies.number(reply, 5) + 1,
              PositionMethods.LEGACY);
      case "expired" -> throw new WaiterExpired();
      default -> throw new WaiterNotFound();
    };
  }

  /**
   * One locate script call for waiters of one event, as of {@code now}; read-only calls may run on
   * a replica.
   */
  private CompletableFuture<List<Object>> locateCall(
      EventId eventId, List<WaiterId> waiters, Instant now, boolean readOnly) {
    RedisKeys keys = new RedisKeys(eventId);
    List<String> keyList = new ArrayList<>(2 + 2 * waiters.size());
    keyList.add(keys.position());
    keyList.add(keys.legacy());
    List<String> args = new ArrayList<>(3 + waiters.size());
    args.add(Replies.flag(settings.legacyZset()));
    args.add(Long.toString(now.toEpochMilli()));
    args.add(settings.positionTier().name().toLowerCase(Locale.ROOT));
    for (WaiterId waiter : waiters) {
      keyList.add(keys.waiter(waiter));
      keyList.add(keys.tombstone(waiter));
      args.add(waiter.value());
    }
    return scripts.start(Script.LOCATE, readOnly, link.commands(), keyList, args);
  }

  @Override
  public void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    if (waiterIds.isEmpty()) {
      return;
    }
    // In chunks: Redis serves nothing else while a script runs, and one instance's flush can carry
    // tens of thousands of heartbeats of a hot event; in one script that would stall every status
    // call on the shard for tens of milliseconds once a second.
    List<String> keyList = List.of(new RedisKeys(eventId).heartbeat());
    String millis = Long.toString(now.toEpochMilli());
    List<WaiterId> ids = List.copyOf(waiterIds);
    for (int from = 0; from < ids.size(); from += TOUCH_CHUNK) {
      List<WaiterId> chunk = ids.subList(from, Math.min(ids.size(), from + TOUCH_CHUNK));
      List<String> args = new ArrayList<>(chunk.size() + 1);
      args.add(millis);
      chunk.forEach(id -> args.add(id.value()));
      scripts.run(Script.TOUCH, keyList, args);
    }
  }

  @Override
  public boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    List<String> keyList = new ArrayList<>(keys.lineKeys());
    keyList.add(keys.waiter(waiterId));
    return Replies.number(scripts.run(Script.LEAVE, keyList, List.of(waiterId.value())), 0) == 1;
  }

  @Override
  public int reap(
      EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    if (limit <= 0) {
      return 0;
    }
    RedisKeys keys = new RedisKeys(eventId);
    List<Object> reply =
        scripts.run(
            Script.REAP,
            keys.lineKeys(),
            List.of(
                Long.toString(silentSince.toEpochMilli()),
                Integer.toString(limit),
                Long.toString(Math.max(1, rememberFor.toMillis())),
                keys.waiterPrefix(),
                keys.tombstonePrefix(),
                Long.toString(now.toEpochMilli())));
    return (int) Replies.number(reply, 0);
  }

  @Override
  public Set<EventId> activeEvents() {
    return registry.activeEvents();
  }

  @Override
  public EventStats stats(EventId eventId, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    List<Object> r =
        scripts.read(
            Script.STATS,
            List.of(keys.position(), keys.heartbeat(), keys.stats(), keys.live(), keys.legacy()),
            List.of(Long.toString(now.toEpochMilli()), keys.waiterPrefix()));
    long oldest = Replies.number(r, 6);
    return new EventStats(
        Replies.number(r, 0),
        Replies.number(r, 1),
        Replies.number(r, 2),
        Replies.number(r, 3),
        Replies.number(r, 4),
        Replies.number(r, 5),
        oldest < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
  }

  @Override
  public void deleteEvent(EventId eventId) {
    new EventEraser(link, calls).erase(new RedisKeys(eventId));
    registry.forget(eventId);
  }

  @Override
  public List<PositionMethod> positionMethods() {
    return PositionMethods.ALL;
  }
}
