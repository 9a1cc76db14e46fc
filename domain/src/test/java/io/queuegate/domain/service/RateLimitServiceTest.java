package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.RateLimitBuckets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitServiceTest {
  private static final Gcra LIMIT = new Gcra(10, 20);

  private final MutableClock clock = new MutableClock();
  private final RateLimitBuckets buckets = mock(RateLimitBuckets.class);
  private final RateLimitBuckets local = mock(RateLimitBuckets.class);

  @Test
  void storeAnswer_isPassedOn() {
    RateDecision refused =
        new RateDecision(false, 20, 0, Duration.ofMillis(100), Duration.ofSeconds(2));
    when(buckets.acquire("10.0.0.1", LIMIT, clock.instant())).thenReturn(refused);

    assertThat(
            new RateLimitService(buckets, local, LIMIT, true, clock)
                .acquire("10.0.0.1", RateLimitScope.SHARED))
        .isEqualTo(refused);
  }

  @Test
  void storeDownAndFailOpen_letsTheRequestThroughWithTheBurstAsLimit() {
    when(buckets.acquire(any(), any(), any()))
        .thenThrow(new StoreUnavailableException("timeout", null));

    RateDecision decision =
        new RateLimitService(buckets, local, LIMIT, true, clock)
            .acquire("10.0.0.1", RateLimitScope.SHARED);

    assertThat(decision).isEqualTo(RateDecision.failOpen(20));
    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void storeDownAndFailClosed_refusesWithTheStoreFailure() {
    when(buckets.acquire(any(), any(), any()))
        .thenThrow(new StoreUnavailableException("timeout", null));
    RateLimitService closed = new RateLimitService(buckets, local, LIMIT, false, clock);

    assertThatThrownBy(() -> closed.acquire("10.0.0.1", RateLimitScope.SHARED))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void instanceScope_usesTheLocalBuckets_andNeverTheStore() {
    RateDecision allowed = new RateDecision(true, 20, 19, Duration.ZERO, Duration.ofMillis(100));
    when(local.acquire("10.0.0.1", LIMIT, clock.instant())).thenReturn(allowed);

    RateDecision decision =
        new RateLimitService(buckets, local, LIMIT, true, clock)
            .acquire("10.0.0.1", RateLimitScope.INSTANCE);

    assertThat(decision).isEqualTo(allowed);
    verifyNoInteractions(buckets);
  }
}
