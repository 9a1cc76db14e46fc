package io.queuegate.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small per-instance cache whose entries are fresh for a fixed time and whose size is bounded, so
 * that ids chosen by clients can never grow memory without limit.
 */
final class ExpiringCache<K, V> {
  private final Duration freshFor;
  private final int maxEntries;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  ExpiringCache(Duration freshFor, int maxEntries) {
    this.freshFor = Objects.requireNonNull(freshFor);
    if (freshFor.isNegative() || maxEntries < 1) {
      throw new IllegalArgumentException("freshFor must not be negative and maxEntries positive");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The cached value, or a freshly loaded one. Loading happens inside the map's per-key update, so
   * concurrent callers for one key load at most once per freshness period.
   */
  V get(K key, Instant now, Function<? super K, ? extends V> loader) {
    Entry<V> cached = entries.get(key);
    if (cached != null && cached.freshAt(now, freshFor)) {
      return cached.value();
    }
    if (cached == null && entries.size() >= maxEntries) {
      prune(now);
    }
    return entries
        .compute(
            key,
            (k, old) ->
                old != null && old.freshAt(now, freshFor)
                    ? old
                    : new Entry<V>(loader.apply(k), now))
        .value();
  }

  void forget(K key) {
    entries.remove(key);
  }

  int size() {
    return entries.size();
  }

  private void prune(Instant now) {
    entries.values().removeIf(entry -> !entry.freshAt(now, freshFor));
    // Still full of fresh entries means a flood of distinct keys: starting over costs one reload
    // per key, while keeping them would let the flood decide how much memory we use.
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
  }

  private record Entry<V>(V value, Instant loadedAt) {
    boolean freshAt(Instant now, Duration freshFor) {
      return now.isBefore(loadedAt.plus(freshFor));
    }
  }
}
