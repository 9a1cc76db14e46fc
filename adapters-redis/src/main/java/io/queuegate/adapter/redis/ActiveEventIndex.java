package io.queuegate.adapter.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidEventId;
import io.queuegate.domain.model.StoreUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The index of events with waiters, for the reaper, without SCAN: the ZSET {@code queuegate:events}
 * (one key, deliberately not hash-tagged) whose score counts the event's joins. An event is pruned
 * only when its line was seen empty and its score has not moved since it was read, so no join is
 * ever lost; and a heartbeat flush adds back an event that is missing, so an entry lost anyway (a
 * failed write, a lost shard) heals. A shard that does not answer costs only its own events.
 */
final class ActiveEventIndex {
  private static final System.Logger LOG = System.getLogger(ActiveEventIndex.class.getName());
  // Lines read per pipeline: thousands of commands in one burst can outlast the command timeout.
  private static final int CHUNK = 500;

  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  // The last index read, for passes while the index's own shard does not answer.
  private volatile List<ScoredValue<String>> lastRead;

  ActiveEventIndex(RedisLink link, RedisCalls calls, ScriptRunner scripts) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
  }

  /** Adds a join to the event's score, once the join has taken effect. */
  CompletableFuture<Double> noteJoin(EventId eventId) {
    return link.commands()
        .zincrby(RedisKeys.ACTIVE_EVENTS, 1, eventId.value())
        .toCompletableFuture();
  }

  /**
   * Sent without waiting with an event's heartbeats: adds the event only when it is missing, so the
   * score (and a prune in progress) stays as it is otherwise.
   */
  CompletableFuture<Long> noteHeartbeat(EventId eventId) {
    return link.commands()
        .zadd(RedisKeys.ACTIVE_EVENTS, ZAddArgs.Builder.nx(), 1, eventId.value())
        .toCompletableFuture();
  }

  /**
   * The events whose line has waiters, and those whose line could not be read (a shard that does
   * not answer: the reaper tries them and the failure stays theirs); prunes the empty ones.
   *
   * @throws StoreUnavailableException when the index cannot be read and never was
   */
  Set<EventId> activeEvents() {
    List<ScoredValue<String>> entries = readIndex();
    Set<EventId> active = new LinkedHashSet<>();
    for (int from = 0; from < entries.size(); from += CHUNK) {
      sort(entries.subList(from, Math.min(entries.size(), from + CHUNK)), active);
    }
    return active;
  }

  /** Reads the lines of one chunk of entries in one pipeline; prunes the empty ones. */
  private void sort(List<ScoredValue<String>> entries, Set<EventId> active) {
    List<EventId> events = new ArrayList<>(entries.size());
    List<RedisFuture<Long>> sizes = new ArrayList<>(entries.size());
    for (ScoredValue<String> entry : entries) {
      EventId event = parse(entry.getValue());
      events.add(event);
      sizes.add(event == null ? null : link.commands().zcard(new RedisKeys(event).heartbeat()));
    }
    List<CompletableFuture<List<Object>>> prunes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Long size = sizes.get(i) == null ? Long.valueOf(0) : lineSize(sizes.get(i));
      if (size == null || size > 0) {
        active.add(events.get(i));
      } else {
        prunes.add(
            scripts.start(
                Script.PRUNE_EVENT,
                false,
                link.commands(),
                List.of(RedisKeys.ACTIVE_EVENTS),
                List.of(entries.get(i).getValue(), Double.toString(entries.get(i).getScore()))));
      }
    }
    prunes.forEach(this::quietly); // a prune that failed is tried again next pass
  }

  /** Drops a deleted event from the index. */
  void forget(EventId eventId) {
    calls.await(link.commands().zrem(RedisKeys.ACTIVE_EVENTS, eventId.value()));
  }

  private List<ScoredValue<String>> readIndex() {
    try {
      List<ScoredValue<String>> entries =
          calls.await(link.commands().zrangeWithScores(RedisKeys.ACTIVE_EVENTS, 0, -1));
      lastRead = entries;
      return entries;
    } catch (StoreUnavailableException e) {
      List<ScoredValue<String>> known = lastRead;
      if (known == null) {
        throw e;
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "active-event index unreadable ({0}); using the {1} events read last",
          e.getMessage(),
          known.size());
      return known;
    }
  }

  /** The line's size, or null when its shard did not answer. */
  private Long lineSize(RedisFuture<Long> size) {
    try {
      return calls.await(size);
    } catch (StoreUnavailableException e) {
      return null;
    }
  }

  private void quietly(CompletableFuture<List<Object>> call) {
    try {
      calls.await(call);
    } catch (StoreUnavailableException e) {
      // pruned next pass
    }
  }

  private static EventId parse(String raw) {
    try {
      return new EventId(raw);
    } catch (InvalidEventId e) {
      return null;
    }
  }
}
