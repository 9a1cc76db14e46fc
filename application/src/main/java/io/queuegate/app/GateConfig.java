package io.queuegate.app;

import io.queuegate.domain.model.Room;
import io.queuegate.domain.service.gate.GateSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's configuration: where the protected sites forward to queuegate ({@code publicPath}),
 * whether cookies are {@code Secure}, the secret that signs them, the gate's own rules, and the
 * rooms seeded from a file.
 */
public record GateConfig(
    String publicPath,
    boolean secureCookies,
    Optional<String> sessionSecret,
    GateSettings rules,
    List<Room> seeds) {

  public GateConfig {
    Objects.requireNonNull(publicPath);
    Objects.requireNonNull(sessionSecret);
    Objects.requireNonNull(rules);
    seeds = List.copyOf(seeds);
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "GateConfig[publicPath=%s, secureCookies=%s, secret=%s, rooms=%d]"
        .formatted(
            publicPath, secureCookies, sessionSecret.isPresent() ? "set" : "random", seeds.size());
  }
}
