package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.QueueStore;
import java.util.EnumMap;
import java.util.Map;

/**
 * One store and one admin connection per mode for the whole test JVM: connecting to a cluster is
 * slow, so tests share them and start from flushed data instead.
 */
public final class SharedRedisStores {
  private static final Map<RedisSettings.Mode, RedisStores> STORES =
      new EnumMap<>(RedisSettings.Mode.class);
  // Stores whose line feeds are trimmed short, for the feed's gap tests.
  private static final Map<RedisSettings.Mode, RedisStores> SHORT_FEED_STORES =
      new EnumMap<>(RedisSettings.Mode.class);
  private static final Map<RedisSettings.Mode, RedisAdmin> ADMINS =
      new EnumMap<>(RedisSettings.Mode.class);

  private SharedRedisStores() {}

  /** Settings with the default options for the shared servers of {@code mode}. */
  public static RedisSettings settings(RedisSettings.Mode mode) {
    return mode == RedisSettings.Mode.CLUSTER
        ? RedisSettings.cluster(RedisServers.cluster().addresses())
        : RedisSettings.standalone(RedisServers.standalone().address());
  }

  public static synchronized RedisStores stores(RedisSettings.Mode mode) {
    return STORES.computeIfAbsent(mode, m -> RedisStores.connect(settings(m), CommandTimer.NONE));
  }

  public static synchronized RedisAdmin admin(RedisSettings.Mode mode) {
    return ADMINS.computeIfAbsent(
        mode,
        m ->
            RedisAdmin.forNodes(
                m == RedisSettings.Mode.CLUSTER
                    ? RedisServers.cluster().ports()
                    : java.util.List.of(RedisServers.standalone().port())));
  }

  /** The shared store of {@code mode} over freshly flushed servers (FLUSHALL on every primary). */
  public static QueueStore fresh(RedisSettings.Mode mode) {
    RedisStores stores = stores(mode);
    admin(mode).flushAll();
    return stores.store();
  }

  /**
   * A shared store of {@code mode} whose line feeds keep about {@code feedLength} entries (the
   * first call fixes the length), over freshly flushed servers.
   */
  public static synchronized QueueStore freshKeepingFeed(RedisSettings.Mode mode, int feedLength) {
    RedisStores stores =
        SHORT_FEED_STORES.computeIfAbsent(
            mode,
            m ->
                RedisStores.connect(
                    settings(m).toBuilder().feedMaxLength(feedLength).build(), CommandTimer.NONE));
    admin(mode).flushAll();
    return stores.store();
  }

  static synchronized void closeAll() {
    STORES.values().forEach(RedisStores::close);
    STORES.clear();
    SHORT_FEED_STORES.values().forEach(RedisStores::close);
    SHORT_FEED_STORES.clear();
    ADMINS.values().forEach(RedisAdmin::close);
    ADMINS.clear();
  }
}
