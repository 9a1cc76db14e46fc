package io.queuegate.domain.service.gate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The gate's own numbers: a session cookie is issued again once it is older than {@code renewAfter}
 * times the room's idle timeout; {@code closedRetryAfter} and {@code crawlerRetryAfter} go with the
 * 503 of a closed room and of a crawler; {@code refreshInterval} is how often each instance reads
 * rooms and revocations; {@code crawlerAgents} are the {@code User-Agent} fragments that mark a
 * crawler (compared without case).
 */
public record GateSettings(
    double renewAfter,
    Duration closedRetryAfter,
    Duration crawlerRetryAfter,
    Duration refreshInterval,
    List<String> crawlerAgents) {

  public GateSettings {
    if (!(renewAfter > 0 && renewAfter < 1)) {
      throw new IllegalArgumentException("renewAfter must be between 0 and 1");
    }
    Objects.requireNonNull(closedRetryAfter);
    Objects.requireNonNull(crawlerRetryAfter);
    if (!refreshInterval.isPositive()) {
      throw new IllegalArgumentException("refreshInterval must be positive");
    }
    crawlerAgents =
        crawlerAgents.stream()
            .map(agent -> agent.trim().toLowerCase(Locale.ROOT))
            .filter(agent -> !agent.isEmpty())
            .toList();
  }

  /** The defaults of application.yaml. */
  public static GateSettings defaults() {
    return new GateSettings(
        0.25,
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Duration.ofSeconds(1),
        List.of(
            "googlebot",
            "bingbot",
            "slurp",
            "duckduckbot",
            "baiduspider",
            "yandex",
            "applebot",
            "petalbot",
            "crawler",
            "spider"));
  }
}
