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
    return new RedisSettings(
        choice(Mode.class, r.get("mode")),
        SettingsMapper.list(r.get("nodes").asString().get()),
        password,
        r.get("tls").asBoolean().get(),
        SettingsMapper.duration(r.get("command-timeout")),
        choice(ReadFrom.class, r.get("read-from")),
        r.get("legacy-zset").asBoolean().get(),
        choice(JoinDurability.class, r.get("join-durability")),
        r.get("scan-max-keys").asInt().get(),
        SettingsMapper.duration(r.get("scan-budget")),
        choice(PositionTier.class, r.get("position-tier")));
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
