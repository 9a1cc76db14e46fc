package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitRequest;
import io.queuegate.domain.model.RateLimitRule;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.RateLimitBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

class RateLimitServiceTest {
  private static final Gcra LIMIT = new Gcra(10, 20);
  private static final RateLimits LIMITS =
      new RateLimits(
          new Gcra(5, 300), new Gcra(5, 20), new Gcra(10, 3), new Gcra(500, 1000), LIMIT);
  private static final String CLIENT = "10.0.0.1";

  private final MutableClock clock = new MutableClock();
  private final RateLimitBuckets buckets = mock(RateLimitBuckets.class);
  private final RateLimitBuckets local = mock(RateLimitBuckets.class);

  private static RateLimitRequest client(RateLimitRule rule, RateLimitScope scope) {
    return RateLimitRequest.byClient(rule, CLIENT, scope);
  }

  private static WaitingToken token() {
    return new WaitingToken(new EventId("concert"), WaiterId.random());
  }

  @Test
  void storeAnswer_isPassedOn() {
    RateDecision refused =
        new RateDecision(false, 20, 0, Duration.ofMillis(100), Duration.ofSeconds(2));
    when(buckets.acquire("c:10.0.0.1", LIMIT, clock.instant())).thenReturn(refused);

    assertThat(
            new RateLimitService(buckets, local, LIMITS, true, clock)
                .acquire(client(RateLimitRule.CLIENT, RateLimitScope.SHARED)))
        .isEqualTo(refused);
  }

  @Test
  void eachRule_hasItsOwnLimitAndItsOwnBuckets() {
    RateLimitService service = new RateLimitService(buckets, local, LIMITS, true, clock);
    WaitingToken token = token();

    service.acquire(client(RateLimitRule.JOIN, RateLimitScope.SHARED));
    service.acquire(client(RateLimitRule.VERIFY, RateLimitScope.SHARED));
    service.acquire(RateLimitRequest.byToken(token, CLIENT, RateLimitScope.SHARED));

    verify(buckets).acquire("j:10.0.0.1", LIMITS.join(), clock.instant());
    verify(buckets).acquire("v:10.0.0.1", LIMITS.verify(), clock.instant());
    verify(buckets).acquire("t:" + token.encode(), LIMITS.token(), clock.instant());
  }

  @Test
  void storeDownAndFailOpen_letsTheRequestThroughWithTheBurstAsLimit() {
    when(buckets.acquire(any(), any(), any()))
        .thenThrow(new StoreUnavailableException("timeout", null));

    RateDecision decision =
        new RateLimitService(buckets, local, LIMITS, true, clock)
            .acquire(client(RateLimitRule.CLIENT, RateLimitScope.SHARED));

    assertThat(decision).isEqualTo(RateDecision.failOpen(20));
    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void storeDownAndFailClosed_refusesWithTheStoreFailure() {
    when(buckets.acquire(any(), any(), any()))
        .thenThrow(new StoreUnavailableException("timeout", null));
    RateLimitService closed = new RateLimitService(buckets, local, LIMITS, false, clock);

    assertThatThrownBy(() -> closed.acquire(client(RateLimitRule.JOIN, RateLimitScope.SHARED)))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void instanceScope_usesTheLocalBuckets_andNeverTheStore() {
    RateDecision allowed = new RateDecision(true, 20, 19, Duration.ZERO, Duration.ofMillis(100));
    when(local.acquire("c:10.0.0.1", LIMIT, clock.instant())).thenReturn(allowed);

    RateDecision decision =
        new RateLimitService(buckets, local, LIMITS, true, clock)
            .acquire(client(RateLimitRule.CLIENT, RateLimitScope.INSTANCE));

    assertThat(decision).isEqualTo(allowed);
    verifyNoInteractions(buckets);
  }

  @Test
  void unknownTokens_areCountedInTheInstanceWhateverTheScope() {
    when(local.acquire(any(), any(), any()))
        .thenReturn(new RateDecision(true, 3, 2, Duration.ZERO, Duration.ZERO));

    new RateLimitService(buckets, local, LIMITS, true, clock)
        .acquire(client(RateLimitRule.UNKNOWN_TOKEN, RateLimitScope.SHARED));

    verify(local).acquire(eq("u:10.0.0.1"), eq(LIMITS.unknownToken()), any());
    verifyNoInteractions(buckets);
  }

  @Test
  void clientOverItsUnknownTokenLimit_isRefusedOnTokensUntilItsBucketHasRoom() {
    RateLimitService service = new RateLimitService(buckets, local, LIMITS, true, clock);
    RateDecision allowed = new RateDecision(true, 20, 19, Duration.ZERO, Duration.ZERO);
    when(local.acquire(any(), any(), any())).thenReturn(allowed);
    when(local.acquire(eq("u:10.0.0.1"), any(), any()))
        .thenReturn(new RateDecision(false, 3, 0, Duration.ofMillis(100), Duration.ofMillis(300)));
    RateLimitRequest poll = RateLimitRequest.byToken(token(), CLIENT, RateLimitScope.INSTANCE);
    RateLimitRequest neighbour =
        RateLimitRequest.byToken(token(), "10.0.0.2", RateLimitScope.INSTANCE);

    service.acquire(client(RateLimitRule.UNKNOWN_TOKEN, RateLimitScope.INSTANCE));
    RateDecision blocked = service.acquire(poll);
    RateDecision otherAddress = service.acquire(neighbour);
    clock.advance(Duration.ofMillis(100));
    RateDecision later = service.acquire(poll);

    assertThat(blocked.allowed()).isFalse();
    assertThat(blocked.retryAfter()).isEqualTo(Duration.ofMillis(100));
    assertThat(blocked.limit()).isEqualTo(LIMITS.token().burst());
    assertThat(otherAddress.allowed()).isTrue();
    assertThat(later.allowed()).isTrue();
  }

  @Test
  void fiftyPollsASecondOnOneToken_areRefusedOnThatTokenOnly() {
    RateLimitService service = new RateLimitService(buckets, new MapBuckets(), LIMITS, true, clock);
    RateLimitRequest greedy = RateLimitRequest.byToken(token(), CLIENT, RateLimitScope.INSTANCE);
    RateLimitRequest neighbour = RateLimitRequest.byToken(token(), CLIENT, RateLimitScope.INSTANCE);
    List<Boolean> greedyAnswers = new ArrayList<>();
    List<Boolean> neighbourAnswers = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      greedyAnswers.add(service.acquire(greedy).allowed());
      if (i % 25 == 0) {
        neighbourAnswers.add(service.acquire(neighbour).allowed());
      }
      clock.advance(Duration.ofMillis(20));
    }

    // Two seconds at 50/s against 5/s with a burst of 20: the burst, then one in ten.
    assertThat(greedyAnswers.stream().filter(a -> a).count()).isBetween(29L, 31L);
    assertThat(neighbourAnswers).containsOnly(true);
  }

  @Test
  void clientBlocks_stayBounded() {
    ClientBlocks blocks = new ClientBlocks();
    Instant now = clock.instant();

    for (int i = 0; i < ClientBlocks.MAX_CLIENTS + 50; i++) {
      blocks.block("c" + i, now.plusSeconds(1), now);
    }
    int whenFull = blocks.size();
    // Once the early ones have lapsed, a new one finds room again.
    blocks.block("late", now.plusSeconds(3), now.plusSeconds(2));

    assertThat(whenFull).isEqualTo(ClientBlocks.MAX_CLIENTS);
    assertThat(blocks.size()).isEqualTo(1);
    assertThat(blocks.remaining("late", now.plusSeconds(2))).contains(Duration.ofSeconds(1));
  }

  /** GCRA buckets in a map, as the in-memory store keeps them. */
  private static final class MapBuckets implements RateLimitBuckets {
    private final ConcurrentMap<String, Instant> tats = new ConcurrentHashMap<>();

    @Override
    public RateDecision acquire(String clientKey, Gcra limit, Instant now) {
      Gcra.Decision d = limit.decide(tats.get(clientKey), now);
      if (d.allowed()) {
        tats.put(clientKey, d.tat());
      }
      return new RateDecision(
          d.allowed(), limit.burst(), d.remaining(), d.retryAfter(), d.resetAfter());
    }
  }
}
