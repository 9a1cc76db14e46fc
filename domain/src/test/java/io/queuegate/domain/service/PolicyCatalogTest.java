package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class PolicyCatalogTest {
  private static final Duration CACHE_FOR = Duration.ofSeconds(1);
  private static final QueuePolicy DEFAULTS = QueuePolicy.defaults();
  private static final QueuePolicy CONFIGURED = DEFAULTS.toBuilder().pausedJoins(true).build();

  private final MutableClock clock = new MutableClock();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final PolicyCatalog catalog = new PolicyCatalog(stored, DEFAULTS, clock, CACHE_FOR);

  @Test
  void neverConfiguredEvent_runsOnTheDefaults() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    assertThat(catalog.policyFor(EVENT)).isSameAs(DEFAULTS);
    assertThat(catalog.configured(EVENT)).isEmpty();
    assertThat(catalog.defaults()).isSameAs(DEFAULTS);
  }

  @Test
  void configuredEvent_usesItsStoredPolicy() {
    when(stored.find(EVENT)).thenReturn(Optional.of(CONFIGURED));

    assertThat(catalog.policyFor(EVENT)).isEqualTo(CONFIGURED);
    assertThat(catalog.configured(EVENT)).contains(CONFIGURED);
  }

  @Test
  void repeatedLookupsWithinCacheTime_readTheStoreOnce() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    for (int i = 0; i < 50; i++) {
      catalog.policyFor(EVENT);
      clock.advanceMillis(10);
    }

    verify(stored, times(1)).find(EVENT);
  }

  @Test
  void lookupAfterCacheTime_seesAChangeMadeElsewhere() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());
    catalog.policyFor(EVENT);
    when(stored.find(EVENT)).thenReturn(Optional.of(CONFIGURED));

    clock.advanceMillis(999);
    assertThat(catalog.policyFor(EVENT)).isEqualTo(DEFAULTS);
    clock.advanceMillis(1);
    assertThat(catalog.policyFor(EVENT)).isEqualTo(CONFIGURED);
  }

  @Test
  void forget_makesTheNextLookupReadTheStore() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());
    catalog.policyFor(EVENT);
    when(stored.find(EVENT)).thenReturn(Optional.of(CONFIGURED));

    catalog.forget(EVENT);

    assertThat(catalog.policyFor(EVENT)).isEqualTo(CONFIGURED);
  }

  @Test
  void configured_isNeverCached() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    catalog.configured(EVENT);
    catalog.configured(EVENT);

    verify(stored, times(2)).find(EVENT);
  }

  @Test
  void floodOfDistinctEventIds_keepsTheCacheBounded() {
    when(stored.find(any())).thenReturn(Optional.empty());

    for (int i = 0; i < 25_000; i++) {
      catalog.policyFor(new EventId("flood-" + i));
    }

    assertThat(catalog.cachedEvents()).isLessThanOrEqualTo(10_000);
  }

  @Test
  void staleEntries_areDroppedFirstWhenTheCacheIsFull() {
    when(stored.find(any())).thenReturn(Optional.empty());
    for (int i = 0; i < 10_000; i++) {
      catalog.policyFor(new EventId("old-" + i));
    }
    clock.advance(CACHE_FOR);

    catalog.policyFor(EVENT);

    assertThat(catalog.cachedEvents()).isEqualTo(1);
  }

  @Test
  void storeFailsAfterThePolicyWentStale_theLastPolicyIsServedWithinTheGrace_thenTheFailure() {
    StoreUnavailableException down = new StoreUnavailableException("down", null);
    when(stored.find(EVENT)).thenReturn(Optional.of(CONFIGURED)).thenThrow(down);
    catalog.policyFor(EVENT);
    clock.advance(CACHE_FOR);

    assertThat(catalog.policyFor(EVENT)).isEqualTo(CONFIGURED);
    // Backing off: served at once, the store is not asked again meanwhile.
    assertThat(catalog.policyFor(EVENT)).isEqualTo(CONFIGURED);
    verify(stored, times(2)).find(EVENT);

    clock.advance(PolicyCatalog.GRACE);
    assertThatThrownBy(() -> catalog.policyFor(EVENT)).isSameAs(down);
  }

  @Test
  void storeFailsBeforeAnyPolicyWasRead_theFailureIsServedAtOnceUntilTheBackoffEnds() {
    StoreUnavailableException down = new StoreUnavailableException("down", null);
    when(stored.find(EVENT)).thenThrow(down).thenReturn(Optional.of(CONFIGURED));

    assertThatThrownBy(() -> catalog.policyFor(EVENT)).isSameAs(down);
    clock.advance(PolicyCatalog.BACKOFF.minusMillis(1));
    assertThatThrownBy(() -> catalog.policyFor(EVENT)).isSameAs(down);
    verify(stored, times(1)).find(EVENT);

    clock.advanceMillis(1);
    assertThat(catalog.policyFor(EVENT)).isEqualTo(CONFIGURED);
  }

  @Test
  void withARefresher_noCallerWaitsForTheReloadOfAStalePolicy_andTheReloadThenApplies() {
    Queue<Runnable> reloads = new ArrayDeque<>();
    PolicyCatalog refreshed = new PolicyCatalog(stored, DEFAULTS, clock, CACHE_FOR, reloads::add);
    when(stored.find(EVENT)).thenReturn(Optional.empty()).thenReturn(Optional.of(CONFIGURED));
    refreshed.policyFor(EVENT);
    clock.advance(CACHE_FOR);

    assertThat(refreshed.policyFor(EVENT)).isSameAs(DEFAULTS);
    verify(stored, times(1)).find(EVENT);

    reloads.poll().run();
    assertThat(refreshed.policyFor(EVENT)).isEqualTo(CONFIGURED);
    verify(stored, times(2)).find(EVENT);
  }
}
