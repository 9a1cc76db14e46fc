package io.queuegate.app;

import io.helidon.config.Config;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lets an environment variable override any configuration key by its obvious name ({@code
 * queuegate.policy.ready-window} from {@code QUEUEGATE_POLICY_READY_WINDOW}). Helidon's own mapping
 * needs {@code _dash_} for hyphens; matching against the known keys avoids that.
 */
final class EnvOverrides {

  private EnvOverrides() {}

  /**
   * The overrides for every leaf key of {@code defaults} that has a matching variable in {@code
   * env}.
   */
  static Map<String, String> of(Config defaults, Map<String, String> env) {
    Map<String, String> overrides = new HashMap<>();
    defaults
        .traverse()
        .filter(Config::isLeaf)
        .forEach(
            node -> {
              String key = node.key().toString();
              String value = env.get(variableName(key));
              if (value != null) {
                overrides.put(key, value);
              }
            });
    return overrides;
  }

  /** The environment variable that overrides {@code key}. */
  static String variableName(String key) {
    return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
