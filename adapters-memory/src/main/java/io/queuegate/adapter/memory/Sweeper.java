package io.queuegate.adapter.memory;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Visits a few entries of a map on each write, round robin, and lets a callback drop the dead ones.
 * Every entry is visited within about size/visits writes, so nothing dead piles up without a
 * background thread.
 */
final class Sweeper<K, V> {

  /** Drops one entry if it is dead at {@code now}. */
  interface Eviction<K, V> {
    void evictIfDead(K key, V value, Instant now);
  }

  private final Map<K, V> map;
  private final Eviction<K, V> eviction;
  private final ReentrantLock lock = new ReentrantLock();
  private Iterator<Map.Entry<K, V>> cursor = Collections.emptyIterator();

  Sweeper(Map<K, V> map, Eviction<K, V> eviction) {
    this.map = map;
    this.eviction = eviction;
  }

  void sweep(Instant now, int visits) {
    if (!lock.tryLock()) {
      return; // another writer is sweeping right now; skipping keeps this write cheap
    }
    try {
      boolean restarted = false;
      for (int i = 0; i < visits; i++) {
        if (!cursor.hasNext()) {
          if (restarted) {
            return; // the whole map was visited in this call
          }
          cursor = map.entrySet().iterator();
          restarted = true;
          if (!cursor.hasNext()) {
            return;
          }
        }
        Map.Entry<K, V> entry = cursor.next();
        eviction.evictIfDead(entry.getKey(), entry.getValue(), now);
      }
    } finally {
      lock.unlock();
    }
  }
}
