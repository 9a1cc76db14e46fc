package io.queuegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.adapter.http.queue.PushSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushSettingsConfigTest {

  @Test
  void defaults_holdTenThousandStreamsCheckedEverySecondAndResentEveryFifteen() {
    assertThat(AppSettings.load(Map.of()).push()).isEqualTo(PushSettings.DEFAULTS);
  }

  @Test
  void environment_overridesTheStreamLimits() {
    PushSettings push =
        AppSettings.load(
                Map.of(
                    "QUEUEGATE_SSE_MAX_STREAMS", "50",
                    "QUEUEGATE_SSE_CHECK_INTERVAL", "PT2S",
                    "QUEUEGATE_SSE_RESEND_INTERVAL", "PT10S",
                    "QUEUEGATE_SSE_RETRY_AFTER", "PT7S"))
            .push();

    assertThat(push)
        .isEqualTo(
            new PushSettings(
                50, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(7)));
  }

  @Test
  void environment_overridesTheStreamLimitsPerTokenAndPerClient() {
    PushSettings push =
        AppSettings.load(
                Map.of(
                    "QUEUEGATE_SSE_MAX_STREAMS_PER_TOKEN", "1",
                    "QUEUEGATE_SSE_MAX_STREAMS_PER_CLIENT", "30"))
            .push();

    assertThat(push.maxStreamsPerToken()).isEqualTo(1);
    assertThat(push.maxStreamsPerClient()).isEqualTo(30);
  }

  @Test
  void resendShorterThanTheCheck_isRefusedAtStartup() {
    assertThatThrownBy(
            () ->
                AppSettings.load(
                    Map.of(
                        "QUEUEGATE_SSE_CHECK_INTERVAL", "PT5S",
                        "QUEUEGATE_SSE_RESEND_INTERVAL", "PT1S")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
