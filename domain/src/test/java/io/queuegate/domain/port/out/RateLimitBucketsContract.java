package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.atMillis;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitBuckets} must do: GCRA per client key, a burst at one instant, exact
 * fractional refill, independent keys, and one decision at a time per key.
 */
public abstract class RateLimitBucketsContract {
  private static final Gcra ONE_PER_SECOND_BURST_THREE = new Gcra(1, 3);

  private RateLimitBuckets buckets;
  private String client;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    buckets = newStore().rateLimits();
    client = "ip:" + UUID.randomUUID();
  }

  @Test
  void burstAtOneInstant_isAllowedThenRefused() {
    List<RateDecision> decisions =
        IntStream.range(0, 4)
            .mapToObj(i -> buckets.acquire(client, ONE_PER_SECOND_BURST_THREE, at(0)))
            .toList();

    assertThat(decisions)
        .extracting(RateDecision::allowed)
        .containsExactly(true, true, true, false);
    assertThat(decisions).extracting(RateDecision::remaining).containsExactly(2L, 1L, 0L, 0L);
    assertThat(decisions).extracting(RateDecision::limit).containsOnly(3L);
    RateDecision refused = decisions.get(3);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.resetAfter()).isPositive();
  }

  @Test
  void halfARequestPerSecond_refillsAfterExactlyTwoSeconds() {
    Gcra slow = new Gcra(0.5, 1);
    assertThat(buckets.acquire(client, slow, at(0)).allowed()).isTrue();

    RateDecision early = buckets.acquire(client, slow, atMillis(1_900));
    assertThat(early.allowed()).isFalse();
    assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(100));
    assertThat(buckets.acquire(client, slow, at(2)).allowed()).isTrue();
  }

  @Test
  void refusedRequest_takesNothingFromTheBucket() {
    Gcra one = new Gcra(1, 1);
    buckets.acquire(client, one, at(0));
    buckets.acquire(client, one, atMillis(500));

    assertThat(buckets.acquire(client, one, at(1)).allowed()).isTrue();
  }

  @Test
  void clientKeys_areIndependent() {
    Gcra one = new Gcra(1, 1);
    buckets.acquire(client, one, at(0));

    assertThat(buckets.acquire("ip:" + UUID.randomUUID(), one, at(0)).allowed()).isTrue();
    assertThat(buckets.acquire(client, one, at(0)).allowed()).isFalse();
  }

  @Test
  void concurrentRequestsAtOneInstant_allowExactlyTheBurst() {
    Gcra limit = new Gcra(1, 25);

    List<RateDecision> decisions =
        Concurrently.values(Concurrently.run(16, 200, i -> buckets.acquire(client, limit, at(0))));

    assertThat(decisions).filteredOn(RateDecision::allowed).hasSize(25);
    assertThat(decisions)
        .filteredOn(d -> !d.allowed())
        .allSatisfy(d -> assertThat(d.retryAfter()).isPositive());
  }
}
