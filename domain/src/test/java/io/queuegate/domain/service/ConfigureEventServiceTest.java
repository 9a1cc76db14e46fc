package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ConfigureEventServiceTest {
  private static final QueuePolicy DEFAULTS = QueuePolicy.defaults();
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final MutableClock clock = new MutableClock();
  private final EventPolicies stored = mock(EventPolicies.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, DEFAULTS, clock, Duration.ofSeconds(1));
  private final ConfigureEventService configure =
      Services.configure(
          stored, catalog, HeartbeatCadence.of(Duration.ofMillis(500), SECOND), clock);
  private final PauseEventService pause = new PauseEventService(configure);
  private final FakeQueueStore preQueue = new FakeQueueStore();
  private final ConfigureEventService configureSales =
      new ConfigureEventService(
          stored,
          catalog,
          HeartbeatCadence.of(Duration.ofMillis(500), SECOND),
          CaptchaVerifier.NONE,
          Optional.of(new SaleOpening(preQueue, clock)),
          clock);

  private Instant in(long seconds) {
    return clock.instant().plusSeconds(seconds);
  }

  private static QueuePolicy scheduled(SaleSchedule schedule) {
    return DEFAULTS.toBuilder().schedule(Optional.of(schedule)).build();
  }

  private static UnaryOperator<QueuePolicy> schedule(SaleSchedule schedule) {
    return p -> p.toBuilder().schedule(Optional.of(schedule)).build();
  }

  private static QueuePolicy withReadyWindow(QueuePolicy p, long readyWindow) {
    return QueuePolicy.builder()
        .readyWindow(readyWindow)
        .admissionRatePerSec(p.admissionRatePerSec())
        .admissionBurst(p.admissionBurst())
        .maxActive(p.maxActive())
        .maxWaiting(p.maxWaiting())
        .heartbeatTimeout(p.heartbeatTimeout())
        .admissionTtl(p.admissionTtl())
        .pausedJoins(p.pausedJoins())
        .pausedAdmission(p.pausedAdmission())
        .requireEnqueueToken(p.requireEnqueueToken())
        .build();
  }

  /** The store holds {@code current}: its update applies the change to it, or to the defaults. */
  private void storeHolds(Optional<QueuePolicy> current) {
    when(stored.find(EVENT)).thenReturn(current);
    when(stored.update(eq(EVENT), any(), any()))
        .thenAnswer(
            call ->
                call.<UnaryOperator<QueuePolicy>>getArgument(2)
                    .apply(current.orElse(call.getArgument(1))));
  }

  @Test
  void firstChange_appliesToTheDefaultsInTheStore() {
    storeHolds(Optional.empty());

    QueuePolicy result = configure.configure(EVENT, p -> withReadyWindow(p, 10));

    assertThat(result).isEqualTo(withReadyWindow(DEFAULTS, 10));
    verify(stored).update(eq(EVENT), eq(DEFAULTS), any());
    verify(stored, never()).save(any(), any());
  }

  @Test
  void laterChange_appliesToTheStoredPolicy() {
    QueuePolicy current = withReadyWindow(DEFAULTS, 10).toBuilder().pausedJoins(true).build();
    storeHolds(Optional.of(current));

    QueuePolicy result =
        configure.configure(EVENT, p -> p.toBuilder().pausedAdmission(true).build());

    assertThat(result).isEqualTo(current.toBuilder().pausedAdmission(true).build());
  }

  @Test
  void change_isSeenAtOnceByThisInstancesCache() {
    storeHolds(Optional.empty());
    assertThat(catalog.policyFor(EVENT)).isEqualTo(DEFAULTS);

    QueuePolicy result = configure.configure(EVENT, p -> withReadyWindow(p, 10));
    when(stored.find(EVENT)).thenReturn(Optional.of(result));

    assertThat(catalog.policyFor(EVENT)).isEqualTo(result);
  }

  @Test
  void invalidChange_isRefused() {
    storeHolds(Optional.empty());

    assertThatThrownBy(() -> configure.configure(EVENT, p -> withReadyWindow(p, 0)))
        .isInstanceOfSatisfying(
            InvalidPolicy.class, e -> assertThat(e.field()).isEqualTo(PolicyField.READY_WINDOW));
    verify(stored, never()).save(any(), any());
  }

  @Test
  void heartbeatTimeoutBelowThreeSeconds_isRefusedAndNothingIsSaved() {
    storeHolds(Optional.empty());

    // A hint or Retry-After is never below a second, and asks back within a third of the timeout.
    assertThatThrownBy(
            () ->
                configure.configure(
                    EVENT, p -> p.toBuilder().heartbeatTimeout(Duration.ofSeconds(2)).build()))
        .isInstanceOfSatisfying(
            InvalidPolicy.class,
            e -> {
              assertThat(e.field()).isEqualTo(PolicyField.HEARTBEAT_TIMEOUT);
              assertThat(e.rule()).startsWith("must be at least 3 seconds");
            });
    verify(stored, never()).save(any(), any());
    assertThat(
            configure.configure(
                EVENT, p -> p.toBuilder().heartbeatTimeout(Duration.ofSeconds(3)).build()))
        .extracting(QueuePolicy::heartbeatTimeout)
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void policyStoredWithAShorterTimeoutBeforeTheRule_canStillBePaused() {
    QueuePolicy legacy = DEFAULTS.toBuilder().heartbeatTimeout(Duration.ofSeconds(1)).build();
    storeHolds(Optional.of(legacy));

    assertThat(pause.setPaused(EVENT, true).pausedAdmission()).isTrue();
  }

  @Test
  void pause_stopsJoinsAndAdmissionTogether() {
    storeHolds(Optional.empty());

    QueuePolicy paused = pause.setPaused(EVENT, true);

    assertThat(paused.pausedJoins()).isTrue();
    assertThat(paused.pausedAdmission()).isTrue();
  }

  @Test
  void resume_clearsBothPauses() {
    storeHolds(Optional.of(DEFAULTS.toBuilder().pausedJoins(true).pausedAdmission(true).build()));

    assertThat(pause.setPaused(EVENT, false)).isEqualTo(DEFAULTS);
  }

  @Test
  void providerWithoutASecretHere_isRefusedAtPut_withAClearMessage() {
    storeHolds(Optional.empty());

    assertThatThrownBy(
            () -> configure.configure(EVENT, p -> p.toBuilder().captcha(TURNSTILE).build()))
        .isInstanceOfSatisfying(
            InvalidPolicy.class,
            e -> {
              assertThat(e.field()).isEqualTo(PolicyField.CAPTCHA_PROVIDER);
              assertThat(e.rule()).contains("QUEUEGATE_CAPTCHA_TURNSTILE_SECRET");
            });
  }

  @Test
  void providerWithASecretHere_isStored() {
    storeHolds(Optional.empty());
    ConfigureEventService withTurnstile =
        new ConfigureEventService(
            stored,
            catalog,
            HeartbeatCadence.of(Duration.ofMillis(500), SECOND),
            new io.queuegate.domain.port.out.CaptchaVerifier() {
              @Override
              public boolean supports(io.queuegate.domain.model.CaptchaProvider provider) {
                return provider == io.queuegate.domain.model.CaptchaProvider.TURNSTILE;
              }

              @Override
              public io.queuegate.domain.model.CaptchaVerdict verify(
                  io.queuegate.domain.model.CaptchaProvider provider,
                  io.queuegate.domain.model.CaptchaAnswer answer) {
                return io.queuegate.domain.model.CaptchaVerdict.UNAVAILABLE;
              }
            },
            Optional.empty(),
            clock);

    assertThat(
            withTurnstile.configure(EVENT, p -> p.toBuilder().captcha(TURNSTILE).build()).captcha())
        .isEqualTo(TURNSTILE);
  }

  @Test
  void policyNamingAProviderWhoseSecretWasDropped_canStillBePaused() {
    storeHolds(Optional.of(DEFAULTS.toBuilder().captcha(TURNSTILE).build()));

    assertThat(pause.setPaused(EVENT, true).pausedJoins()).isTrue();
  }

  private static final io.queuegate.domain.model.CaptchaPolicy TURNSTILE =
      io.queuegate.domain.model.CaptchaPolicy.of(
          "turnstile", "0x4AAAAAAA", io.queuegate.domain.model.CaptchaOutage.ADMIT);

  @Test
  void scheduleStored_sealsASeed_thatALaterChangeKeeps() {
    storeHolds(Optional.empty());
    SaleSchedule sale = new SaleSchedule(in(60), in(600), Optional.empty());

    configureSales.configure(EVENT, schedule(sale));
    ShuffleSeed sealed = preQueue.shuffle(EVENT).orElseThrow().seed();
    storeHolds(Optional.of(scheduled(sale)));
    configureSales.configure(EVENT, schedule(new SaleSchedule(in(60), in(900), Optional.empty())));

    assertThat(preQueue.shuffle(EVENT).orElseThrow().seed()).isEqualTo(sealed);
  }

  @Test
  void policyWithoutSchedule_sealsNothing() {
    storeHolds(Optional.empty());

    configureSales.configure(EVENT, p -> p.toBuilder().readyWindow(10).build());

    assertThat(preQueue.shuffle(EVENT)).isEmpty();
  }

  @Test
  void onceThePreQueueStarted_itsStartAndSourceAreFixed_andTheOpeningMayMoveWhileAhead() {
    SaleSchedule sale = new SaleSchedule(in(-10), in(600), Optional.of("draw #1"));
    storeHolds(Optional.of(scheduled(sale)));

    assertRefused(
        schedule(new SaleSchedule(in(-5), in(600), Optional.of("draw #1"))),
        PolicyField.PRE_QUEUE_STARTS_AT);
    assertRefused(
        schedule(new SaleSchedule(in(-10), in(600), Optional.of("draw #2"))),
        PolicyField.SHUFFLE_PUBLIC_VALUE_SOURCE);
    assertRefused(p -> p.toBuilder().schedule(Optional.empty()).build(), PolicyField.OPENS_AT);
    assertRefused(
        schedule(new SaleSchedule(in(-10), in(-1), Optional.of("draw #1"))), PolicyField.OPENS_AT);
    SaleSchedule later = new SaleSchedule(in(-10), in(1200), Optional.of("draw #1"));
    assertThat(configureSales.configure(EVENT, schedule(later)).schedule()).contains(later);
  }

  @Test
  void afterTheOpening_theScheduleIsFrozen_butOtherFieldsStillChange() {
    SaleSchedule sale = new SaleSchedule(in(-600), in(-1), Optional.empty());
    storeHolds(Optional.of(scheduled(sale)));

    assertRefused(
        schedule(new SaleSchedule(in(-600), in(600), Optional.empty())), PolicyField.OPENS_AT);
    QueuePolicy paused =
        configureSales.configure(EVENT, p -> p.toBuilder().pausedAdmission(true).build());
    assertThat(paused.pausedAdmission()).isTrue();
    assertThat(paused.schedule()).contains(sale);
  }

  private void assertRefused(UnaryOperator<QueuePolicy> change, PolicyField field) {
    assertThatThrownBy(() -> configureSales.configure(EVENT, change))
        .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.field()).isEqualTo(field));
    verify(stored, never()).save(any(), any());
  }
}
