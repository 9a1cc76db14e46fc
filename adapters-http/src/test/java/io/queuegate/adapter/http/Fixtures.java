package io.queuegate.adapter.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.adapter.http.filter.CorsPolicy;
import io.queuegate.adapter.http.operations.VersionInfo;
import io.queuegate.adapter.http.page.CaptchaWidget;
import io.queuegate.adapter.http.page.CaptchaWidgets;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.WaitingPage;
import io.queuegate.domain.port.in.CheckReadinessUseCase;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.in.DeleteEventUseCase;
import io.queuegate.domain.port.in.DescribeCaptchaUseCase;
import io.queuegate.domain.port.in.DescribeEventUseCase;
import io.queuegate.domain.port.in.DescribeShuffleUseCase;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import io.queuegate.domain.port.in.DescribeWaitingPageUseCase;
import io.queuegate.domain.port.in.EnterQueueUseCase;
import io.queuegate.domain.port.in.IssueChallengeUseCase;
import io.queuegate.domain.port.in.JoinQueueUseCase;
import io.queuegate.domain.port.in.LeaveQueueUseCase;
import io.queuegate.domain.port.in.PauseEventUseCase;
import io.queuegate.domain.port.in.PublishKeysUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.port.in.RateLimitUseCase;
import io.queuegate.domain.port.in.ReadLogUseCase;
import io.queuegate.domain.port.in.RunOnceUseCase;
import io.queuegate.domain.port.in.SetPublicValueUseCase;
import io.queuegate.domain.port.in.VerifyAdmissionUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Mocked use cases behind a real {@link HttpAdapter}, with defaults that let requests through. */
class Fixtures {
  static final String ADMIN_TOKEN = "s3cret-operator-token";
  static final VersionInfo VERSION = new VersionInfo("queuegate", "1.2.3", "abc1234", "2025-01-01");

  final QueueUseCases useCases =
      new QueueUseCases(
          mock(JoinQueueUseCase.class),
          mock(QueueStatusUseCase.class),
          mock(EnterQueueUseCase.class),
          mock(LeaveQueueUseCase.class),
          mock(VerifyAdmissionUseCase.class),
          mock(PublishKeysUseCase.class),
          mock(ConfigureEventUseCase.class),
          mock(PauseEventUseCase.class),
          mock(DescribeEventUseCase.class),
          mock(DeleteEventUseCase.class),
          mock(CheckReadinessUseCase.class),
          mock(RateLimitUseCase.class),
          mock(RunOnceUseCase.class),
          mock(DescribeWaitingPageUseCase.class),
          mock(IssueChallengeUseCase.class),
          mock(DescribeCaptchaUseCase.class),
          mock(DescribeShuffleUseCase.class),
          mock(SetPublicValueUseCase.class),
          mock(ReadLogUseCase.class),
          mock(DescribeStreamPaceUseCase.class));

  /** A Turnstile widget at a made-up origin, for the page's CAPTCHA tests. */
  static final CaptchaWidgets WIDGETS =
      new CaptchaWidgets(
          java.util.Map.of(
              CaptchaProvider.TURNSTILE,
              new CaptchaWidget(
                  java.net.URI.create("https://widget.example/turnstile/v0/api.js"),
                  List.of("https://frames.widget.example"))));

  final RecordingMetrics metrics = new RecordingMetrics();

  HttpAdapter adapter(boolean withAdmin, List<String> trustedProxies) {
    return adapter(withAdmin, trustedProxies, PushSettings.DEFAULTS);
  }

  HttpAdapter adapter(boolean withAdmin, List<String> trustedProxies, PushSettings push) {
    return adapter(withAdmin, ClientSettings.behind(trustedProxies), push, CorsPolicy.NONE);
  }

  HttpAdapter adapter(boolean withAdmin, ClientSettings clients, PushSettings push) {
    return adapter(withAdmin, clients, push, CorsPolicy.NONE);
  }

  HttpAdapter adapter(
      boolean withAdmin, ClientSettings clients, PushSettings push, CorsPolicy cors) {
    HttpSettings settings =
        new HttpSettings(
            withAdmin ? Optional.of(ADMIN_TOKEN) : Optional.empty(),
            clients,
            HttpSettings.DEFAULT_MAX_BODY_BYTES,
            VERSION,
            push,
            cors,
            WIDGETS);
    return new HttpAdapter(settings, useCases, metrics.asHttpMetrics());
  }

  /**
   * Forgets earlier stubs and calls, then lets every request through rate limit and idempotency.
   */
  @SuppressWarnings("unchecked")
  void reset() {
    metrics.positionCounts.clear();
    reset(
        useCases.join(),
        useCases.status(),
        useCases.enter(),
        useCases.leave(),
        useCases.verify(),
        useCases.keys(),
        useCases.configure(),
        useCases.pause(),
        useCases.describe(),
        useCases.delete(),
        useCases.readiness(),
        useCases.rateLimit(),
        useCases.idempotency(),
        useCases.waitingPage(),
        useCases.captcha());
    when(useCases.waitingPage().page(any())).thenReturn(WaitingPage.NONE);
    when(useCases.captcha().captcha(any())).thenReturn(CaptchaPolicy.NONE);
    when(useCases.rateLimit().acquire(any()))
        .thenReturn(new RateDecision(true, 100, 99, Duration.ZERO, Duration.ofMillis(1500)));
    when(useCases.idempotency().runOnce(anyString(), anyString(), anyString(), any()))
        .thenAnswer(
            call ->
                new IdempotencyOutcome(
                    ((Supplier<IdempotencyReply>) call.getArgument(3)).get(), false));
  }

  private static void reset(Object... mocks) {
    org.mockito.Mockito.reset(mocks);
  }
}
