package io.queuegate.adapter.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** Keys that live until an instant, dropped in expiry order once that instant has come. */
final class Expiries<K> {
  private record Entry<K>(Instant until, long order, K key) {}

  private final Map<K, Entry<K>> byKey = new HashMap<>();
  private final NavigableSet<Entry<K>> byTime =
      new TreeSet<>(
          (a, b) -> {
            int byUntil = a.until().compareTo(b.until());
            return byUntil != 0 ? byUntil : Long.compare(a.order(), b.order());
          });
  private long nextOrder;

  /** Keeps {@code key} while now is before {@code until}, replacing any earlier deadline. */
  void put(K key, Instant until) {
    remove(key);
    Entry<K> entry = new Entry<>(until, nextOrder++, key);
    byKey.put(key, entry);
    byTime.add(entry);
  }

  boolean remove(K key) {
    Entry<K> entry = byKey.remove(key);
    if (entry == null) {
      return false;
    }
    byTime.remove(entry);
    return true;
  }

  /** Whether {@code key} is held; call {@link #purge} with the current instant first. */
  boolean contains(K key) {
    return byKey.containsKey(key);
  }

  /** The deadline of {@code key}, or null when it is not held. */
  Instant deadline(K key) {
    Entry<K> entry = byKey.get(key);
    return entry == null ? null : entry.until();
  }

  /** The soonest deadline among the keys held. */
  Optional<Instant> earliest() {
    return byTime.isEmpty() ? Optional.empty() : Optional.of(byTime.first().until());
  }

  int size() {
    return byKey.size();
  }

  /** Drops every key whose deadline is at or before {@code now}. */
  void purge(Instant now) {
    while (!byTime.isEmpty() && !byTime.first().until().isAfter(now)) {
      byKey.remove(byTime.pollFirst().key());
    }
  }
}
