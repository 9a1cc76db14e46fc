package io.queuegate.domain.port.in;

import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitScope;

/** Takes one request from a client's rate-limit bucket. */
public interface RateLimitUseCase {

  /**
   * Never throws for store failures: the configured policy decides whether to let the request
   * through or refuse it then.
   */
  RateDecision acquire(String clientKey, RateLimitScope scope);
}
