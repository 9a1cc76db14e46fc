package io.queuegate.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;

/** Loads {@code application.yaml} from the classpath with environment overrides on top. */
final class ConfigLoader {

  private ConfigLoader() {}

  static Config load(Map<String, String> env) {
    Config defaults = fromYaml();
    return Config.builder()
        .disableEnvironmentVariablesSource()
        .disableSystemPropertiesSource()
        .addSource(ConfigSources.create(EnvOverrides.of(defaults, env)))
        .addSource(ConfigSources.classpath("application.yaml"))
        .build();
  }

  private static Config fromYaml() {
    return Config.builder()
        .disableEnvironmentVariablesSource()
        .disableSystemPropertiesSource()
        .addSource(ConfigSources.classpath("application.yaml"))
        .build();
  }
}
