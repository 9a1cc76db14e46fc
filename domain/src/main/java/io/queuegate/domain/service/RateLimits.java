package io.queuegate.domain.service;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateLimitRule;
import java.util.Objects;

/** The limit of each rate-limit rule (docs/design.md#rate-limit). */
public record RateLimits(Gcra join, Gcra token, Gcra unknownToken, Gcra verify, Gcra client) {

  public RateLimits {
    Objects.requireNonNull(join);
    Objects.requireNonNull(token);
    Objects.requireNonNull(unknownToken);
    Objects.requireNonNull(verify);
    Objects.requireNonNull(client);
  }

  /** Every rule under the same limit, for tests and tools. */
  public static RateLimits all(Gcra limit) {
    return new RateLimits(limit, limit, limit, limit, limit);
  }

  public Gcra of(RateLimitRule rule) {
    return switch (rule) {
      case JOIN -> join;
      case TOKEN -> token;
      case UNKNOWN_TOKEN -> unknownToken;
      case VERIFY -> verify;
      case CLIENT -> client;
    };
  }
}
