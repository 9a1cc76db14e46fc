package io.queuegate.domain.port.in;

import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitRequest;

/** Takes one request from the bucket its rule names (docs/design.md#rate-limit). */
public interface RateLimitUseCase {

  /**
   * Never throws for store failures: the configured policy decides whether to let the request
   * through or refuse it then.
   */
  RateDecision acquire(RateLimitRequest request);
}
