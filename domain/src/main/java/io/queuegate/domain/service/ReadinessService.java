package io.queuegate.domain.service;

import io.queuegate.domain.port.in.CheckReadinessUseCase;
import io.queuegate.domain.port.out.StoreHealth;
import java.time.Duration;
import java.util.Objects;

/** Reports this instance ready while its store answers within the readiness budget. */
public final class ReadinessService implements CheckReadinessUseCase {
  private final StoreHealth health;
  private final Duration budget;

  public ReadinessService(StoreHealth health, Duration budget) {
    this.health = Objects.requireNonNull(health);
    this.budget = Objects.requireNonNull(budget);
  }

  @Override
  public boolean ready() {
    try {
      return health.answers(budget);
    } catch (RuntimeException e) {
      // A health check that fails in an unexpected way still means "not ready", never a 500.
      return false;
    }
  }
}
