package io.queuegate.adapter.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidEventId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The index of events with waiters, for the reaper, without SCAN: the ZSET {@code queuegate:events}
 * (one key, deliberately not hash-tagged) whose score counts the event's joins. An event is pruned
 * only when its line was seen empty and its score has not moved since it was read, so no join is
 * ever lost.
 */
final class ActiveEventIndex {
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;

  ActiveEventIndex(RedisLink link, RedisCalls calls, ScriptRunner scripts) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
  }

  /** Sent without waiting, right behind the join script. */
  CompletableFuture<Double> noteJoin(EventId eventId) {
    return link.commands()
        .zincrby(RedisKeys.ACTIVE_EVENTS, 1, eventId.value())
        .toCompletableFuture();
  }

  /** The events whose line has waiters; prunes the others from the index. */
  Set<EventId> activeEvents() {
    List<ScoredValue<String>> entries =
        calls.await(link.commands().zrangeWithScores(RedisKeys.ACTIVE_EVENTS, 0, -1));
    List<RedisFuture<Long>> sizes = new ArrayList<>(entries.size());
    List<EventId> events = new ArrayList<>(entries.size());
    for (ScoredValue<String> entry : entries) {
      EventId event = parse(entry.getValue());
      events.add(event);
      sizes.add(event == null ? null : link.commands().zcard(new RedisKeys(event).heartbeat()));
    }
    Set<EventId> active = new LinkedHashSet<>();
    List<CompletableFuture<List<Object>>> prunes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Long size = sizes.get(i) == null ? 0L : calls.await(sizes.get(i));
      if (size > 0) {
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
    prunes.forEach(calls::await);
    return active;
  }

  /** Drops a deleted event from the index. */
  void forget(EventId eventId) {
    calls.await(link.commands().zrem(RedisKeys.ACTIVE_EVENTS, eventId.value()));
  }

  private static EventId parse(String raw) {
    try {
      return new EventId(raw);
    } catch (InvalidEventId e) {
      return null;
    }
  }
}
