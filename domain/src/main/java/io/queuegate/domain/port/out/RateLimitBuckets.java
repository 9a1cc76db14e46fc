package io.queuegate.domain.port.out;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import java.time.Instant;

/** Per-client request buckets (GCRA state), shared by every instance. */
public interface RateLimitBuckets {

  /** Takes one request from {@code clientKey}'s bucket, atomically. */
  RateDecision acquire(String clientKey, Gcra limit, Instant now);
}
