package io.queuegate.domain.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A small per-instance cache whose entries are fresh for a fixed time and whose size is bounded, so
 * that ids chosen by clients can never grow memory without limit.
 *
 * <p>Loads are single-flight and run outside any lock: the caller that finds a key stale loads it
 * on its own thread, and callers arriving meanwhile wait for that load rather than start another
 * (or take the stale value at once, within the grace period). A failed load makes the key back off:
 * until the backoff ends, callers get that failure at once (or the value within its grace period)
 * instead of each waiting for a store that just failed.
 *
 * <p>A key whose value is still within its grace period is reloaded on the refresher, not on the
 * caller's thread: the caller that claims the reload gets the stale value at once, as the others
 * do, so a slow store costs no caller a wait while there is a value to serve. With an inline
 * refresher ({@code Runnable::run}) the claimer reloads on its own thread and gets the new value.
 */
final class ExpiringCache<K, V> {
  private final Clock clock;
  private final Duration freshFor;
  private final Duration graceFor;
  private final Duration backoff;
  private final int maxEntries;
  private final Executor refresher;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  /**
   * @param graceFor how long after going stale a value may still be served while it is being
   *     reloaded or its reload failed; zero serves nothing stale
   * @param backoff how long after a failed load the key is not loaded again
   */
  ExpiringCache(
      Clock clock, Duration freshFor, Duration graceFor, Duration backoff, int maxEntries) {
    this(clock, freshFor, graceFor, backoff, maxEntries, Runnable::run);
  }

  /**
   * @param refresher runs the reloads of values still within their grace period
   */
  ExpiringCache(
      Clock clock,
      Duration freshFor,
      Duration graceFor,
      Duration backoff,
      int maxEntries,
      Executor refresher) {
    this.refresher = Objects.requireNonNull(refresher);
    this.clock = Objects.requireNonNull(clock);
    this.freshFor = Objects.requireNonNull(freshFor);
    this.graceFor = Objects.requireNonNull(graceFor);
    this.backoff = Objects.requireNonNull(backoff);
    if (freshFor.isNegative() || graceFor.isNegative() || backoff.isNegative() || maxEntries < 1) {
      throw new IllegalArgumentException("durations must not be negative and maxEntries positive");
    }
    this.maxEntries = maxEntries;
  }

  /** The cached value, a freshly loaded one, or the failure of the last load while backing off. */
  V get(K key, Function<? super K, ? extends V> loader) {
    Instant now = clock.instant();
    Entry<V> entry = entries.get(key);
    if (entry == null || entry.idleAt(now, freshFor)) {
      if (entry == null && entries.size() >= maxEntries) {
        prune(now);
      }
      CompletableFuture<V> load = new CompletableFuture<>();
      // Only claims the load under the map's lock; the loader runs after it is released.
      entry =
          entries.compute(
              key, (k, old) -> old == null || old.idleAt(now, freshFor) ? claim(old, load) : old);
      if (entry.loading() == load) {
        return entry.inGraceAt(now, freshFor, graceFor)
            ? refreshed(key, entry, now, loader)
            : load(key, entry, now, loader);
      }
    }
    return served(entry, now);
  }

  void forget(K key) {
    // A load in flight finds its claim gone and does not install what it read before the change.
    entries.remove(key);
  }

  int size() {
    return entries.size();
  }

  private V served(Entry<V> entry, Instant now) {
    if (entry.freshAt(now, freshFor) || entry.inGraceAt(now, freshFor, graceFor)) {
      return entry.value();
    }
    if (entry.loading() != null) {
      return awaited(entry.loading());
    }
    throw entry.failure();
  }

  private V load(
      K key, Entry<V> claimed, Instant started, Function<? super K, ? extends V> loader) {
    try {
      V value = Objects.requireNonNull(loader.apply(key), "loaded value");
      entries.replace(key, claimed, new Entry<>(value, started, null, null, null));
      claimed.loading().complete(value);
      return value;
    } catch (RuntimeException e) {
      Instant failedAt = clock.instant();
      entries.replace(
          key,
          claimed,
          new Entry<>(claimed.value(), claimed.loadedAt(), null, e, failedAt.plus(backoff)));
      claimed.loading().completeExceptionally(e);
      if (claimed.inGraceAt(failedAt, freshFor, graceFor)) {
        return claimed.value();
      }
      throw e;
    } finally {
      if (!claimed.loading().isDone()) {
        // An Error: leave no claim behind that others would wait on for ever.
        entries.remove(key, claimed);
        claimed.loading().completeExceptionally(new IllegalStateException("load did not finish"));
      }
    }
  }

  // The claimer of a reload that has a value within its grace: the reload runs on the refresher and
  // the claimer is served as any other caller during a reload (the stale value), unless the
  // refresher ran it inline and it succeeded.
  private V refreshed(
      K key, Entry<V> claimed, Instant started, Function<? super K, ? extends V> loader) {
    try {
      refresher.execute(() -> loadQuietly(key, claimed, started, loader));
    } catch (RejectedExecutionException e) {
      return load(key, claimed, started, loader);
    }
    CompletableFuture<V> reload = claimed.loading();
    return reload.isDone() && !reload.isCompletedExceptionally() ? reload.join() : claimed.value();
  }

  private void loadQuietly(
      K key, Entry<V> claimed, Instant started, Function<? super K, ? extends V> loader) {
    try {
      load(key, claimed, started, loader);
    } catch (RuntimeException e) {
      // Recorded in the entry: callers get the stale value within its grace, then the failure.
    }
  }

  private static <V> Entry<V> claim(Entry<V> old, CompletableFuture<V> load) {
    return old == null
        ? new Entry<>(null, null, load, null, null)
        : new Entry<>(old.value(), old.loadedAt(), load, null, null);
  }

  private static <V> V awaited(CompletableFuture<V> load) {
    try {
      // Untimed: the load is bounded by the store's own command timeout.
      return load.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void prune(Instant now) {
    entries.values().removeIf(entry -> entry.idleAt(now, freshFor));
    // Still full of fresh entries means a flood of distinct keys: starting over costs one reload
    // per key, while keeping them would let the flood decide how much memory we use.
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
  }

  /**
   * What the cache knows of a key: the last good value and when its load started (both null before
   * the first), the load in flight, or the last failure and when the key may be loaded again. A
   * claim's future is its own, so a load installs its result only over its own claim.
   */
  private record Entry<V>(
      V value,
      Instant loadedAt,
      CompletableFuture<V> loading,
      RuntimeException failure,
      Instant retryAt) {
    boolean freshAt(Instant now, Duration freshFor) {
      return loadedAt != null && now.isBefore(loadedAt.plus(freshFor));
    }

    boolean inGraceAt(Instant now, Duration freshFor, Duration graceFor) {
      return loadedAt != null && now.isBefore(loadedAt.plus(freshFor).plus(graceFor));
    }

    /** Neither fresh, nor being loaded, nor backing off: the next caller loads it. */
    boolean idleAt(Instant now, Duration freshFor) {
      return !freshAt(now, freshFor)
          && loading == null
          && (retryAt == null || !now.isBefore(retryAt));
    }
  }
}
