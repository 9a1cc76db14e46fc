package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.CaptchaOutage;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.CaptchaRequired;
import io.queuegate.domain.model.CaptchaUnavailable;
import io.queuegate.domain.model.CaptchaVerdict;
import io.queuegate.domain.model.InvalidCaptcha;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.ProofOfWorkRequired;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinWithCaptchaTest {
  private static final CaptchaAnswer ANSWER =
      new CaptchaAnswer("widget-token", Optional.of("192.0.2.7"));

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final WaitingLine line = mock(WaitingLine.class);
  private final EventPolicies stored = mock(EventPolicies.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final QueueMetrics metrics = mock(QueueMetrics.class);
  private final CaptchaVerifier verifier = mock(CaptchaVerifier.class);
  private final PolicyCatalog catalog =
      new PolicyCatalog(stored, QueuePolicy.defaults(), clock, Duration.ofSeconds(1));
  private final JoinQueueService service =
      Services.defended(
          line,
          catalog,
          ledger,
          metrics,
          clock,
          new ProofOfWork(
              ProofOfWorkTest.SETTINGS,
              new ProofOfWorkTest.SpentSet(),
              new AdaptiveDifficulty(ProofOfWorkTest.SETTINGS)),
          verifier);

  @BeforeEach
  void lineAcceptsJoins() {
    when(ledger.recentAdmissions(any(), any())).thenReturn(AdmissionWindows.NONE);
    when(ledger.admissionHistory(any(), any())).thenReturn(AdmissionHistory.NONE);
    when(line.join(any(), anyLong(), any()))
        .thenReturn(
            new Joined(
                new WaiterStanding(TestWaiters.waiter(clock.instant()), 1, TestWaiters.INDEX),
                false));
  }

  private void policy(CaptchaOutage onOutage, boolean proofOfWork) {
    CaptchaPolicy captcha =
        new CaptchaPolicy(
            Optional.of(CaptchaProvider.TURNSTILE), Optional.of("0x4AAAAAAA-site"), onOutage);
    when(stored.find(EVENT))
        .thenReturn(
            Optional.of(
                QueuePolicy.builder().captcha(captcha).requireProofOfWork(proofOfWork).build()));
  }

  private void providerSays(CaptchaVerdict verdict) {
    when(verifier.verify(CaptchaProvider.TURNSTILE, ANSWER)).thenReturn(verdict);
  }

  private static JoinCommand joinWith(Optional<CaptchaAnswer> answer) {
    return new JoinCommand(EVENT, Optional.empty(), Optional.empty(), Optional.empty(), answer);
  }

  @Test
  void passedToken_joinsAndCounts() {
    policy(CaptchaOutage.REFUSE, false);
    providerSays(CaptchaVerdict.PASSED);

    assertThat(service.join(joinWith(Optional.of(ANSWER))).position()).isEqualTo(1);
    verify(metrics).captchaVerified(EVENT, CaptchaVerdict.PASSED);
  }

  @Test
  void failedToken_is403InvalidCaptcha_andTakesNoPlace() {
    policy(CaptchaOutage.ADMIT, false);
    providerSays(CaptchaVerdict.FAILED);

    assertThatThrownBy(() -> service.join(joinWith(Optional.of(ANSWER))))
        .isInstanceOf(InvalidCaptcha.class);
    verify(metrics).captchaVerified(EVENT, CaptchaVerdict.FAILED);
    verify(line, never()).join(any(), anyLong(), any());
  }

  @Test
  void missingToken_isCaptchaRequired_withoutAskingTheProvider() {
    policy(CaptchaOutage.ADMIT, false);

    assertThatThrownBy(() -> service.join(joinWith(Optional.empty())))
        .isInstanceOf(CaptchaRequired.class);
    verify(verifier, never()).verify(any(), any());
    verify(line, never()).join(any(), anyLong(), any());
  }

  @Test
  void providerUnavailable_underAdmit_joins() {
    policy(CaptchaOutage.ADMIT, false);
    providerSays(CaptchaVerdict.UNAVAILABLE);

    assertThat(service.join(joinWith(Optional.of(ANSWER))).position()).isEqualTo(1);
    verify(metrics).captchaVerified(EVENT, CaptchaVerdict.UNAVAILABLE);
  }

  @Test
  void providerUnavailable_underRefuse_isCaptchaUnavailable_withRetryAfter() {
    policy(CaptchaOutage.REFUSE, false);
    providerSays(CaptchaVerdict.UNAVAILABLE);

    assertThatThrownBy(() -> service.join(joinWith(Optional.of(ANSWER))))
        .isInstanceOfSatisfying(
            CaptchaUnavailable.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    verify(line, never()).join(any(), anyLong(), any());
  }

  @Test
  void withProofOfWorkToo_aMissingSolutionIsRefusedBeforeTheProviderIsAsked() {
    policy(CaptchaOutage.REFUSE, true);
    providerSays(CaptchaVerdict.PASSED);

    assertThatThrownBy(() -> service.join(joinWith(Optional.of(ANSWER))))
        .isInstanceOf(ProofOfWorkRequired.class);
    verify(verifier, never()).verify(any(), any());
  }

  @Test
  void withProofOfWorkToo_aMissingTokenIsRefusedBeforeTheSolutionIsChecked() {
    policy(CaptchaOutage.REFUSE, true);

    assertThatThrownBy(() -> service.join(joinWith(Optional.empty())))
        .isInstanceOf(CaptchaRequired.class);
    verify(metrics, never()).challengeRefused(any(), any());
  }

  @Test
  void eventWithoutThePolicy_joinsWithoutToken_andNeverAsks() {
    when(stored.find(EVENT)).thenReturn(Optional.empty());

    assertThat(service.join(joinWith(Optional.empty())).position()).isEqualTo(1);
    verify(verifier, never()).verify(any(), any());
    verify(metrics, never()).captchaVerified(any(), any());
  }
}
