package io.queuegate.app;

import io.helidon.config.Config;
import io.queuegate.adapter.redis.RedisSettings;
import io.queuegate.adapter.redis.RedisSettings.JoinDurability;
import io.queuegate.adapter.redis.RedisSettings.Mode;
import io.queuegate.adapter.redis.RedisSettings.PositionTier;
import io.queuegate.adapter.redis.RedisSettings.ReadFrom;
import java.util.Locale;
import java.util.Optional;

/** Maps the {@code queuegate.redis} section into {@link RedisSettings}. */
final class RedisSettingsMapper {

  private RedisSettingsMapper() {}

  static RedisSettings map(Config r, Optional<String> password) {
    return RedisSettings.builder()
        .mode(choice(Mode.class, r.get("mode")))
        .nodes(SettingsMapper.list(r.get("nodes").asString().get()))
        .password(password)
        .tls(r.get("tls").asBoolean().get())
        .commandTimeout(SettingsMapper.duration(r.get("command-timeout")))
        .readFrom(choice(ReadFrom.class, r.get("read-from")))
        .legacyZset(r.get("legacy-zset").asBoolean().get())
        .joinDurability(choice(JoinDurability.class, r.get("join-durability")))
        .scanMaxKeys(r.get("scan-max-keys").asInt().get())
        .scanBudget(SettingsMapper.duration(r.get("scan-budget")))
        .positionTier(choice(PositionTier.class, r.get("position-tier")))
        .feedMaxLength(
            r.get("feed-max-length").asInt().orElse(RedisSettings.DEFAULT_FEED_MAX_LENGTH))
        .build();
  }

  // replica-preferred in YAML is REPLICA_PREFERRED in Java.
  private static <E extends Enum<E>> E choice(Class<E> type, Config node) {
    String raw = node.asString().get();
    try {
      return Enum.valueOf(type, raw.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.key() + " has no choice named " + raw, e);
    }
  }
}
