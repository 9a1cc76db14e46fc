package io.queuegate.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.queuegate.domain.model.CaptchaVerdict;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerQueueMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private static EventId event(String id) {
    return new EventId(id);
  }

  private static final PositionMethod INDEX = new PositionMethod("position_index");
  private static final PositionMethod SCAN = new PositionMethod("scan_fallback");
  private static final PositionMethod LEGACY = new PositionMethod("legacy_zset");

  @Test
  void positionComputed_countsByMethodInExpositionAndInPositionsByMethod() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.registerPositionMethods(List.of(INDEX, SCAN, LEGACY));

    metrics.positionComputed(INDEX);
    metrics.positionComputed(INDEX);
    metrics.positionComputed(SCAN);

    assertThat(registry.scrape())
        .contains("# TYPE queue_position_calculation_total counter")
        .contains("queue_position_calculation_total{method=\"position_index\"} 2.0")
        .contains("queue_position_calculation_total{method=\"scan_fallback\"} 1.0")
        .contains("queue_position_calculation_total{method=\"legacy_zset\"} 0.0");
    assertThat(metrics.positionsByMethod())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "position_index", 2L,
                "scan_fallback", 1L,
                "legacy_zset", 0L));
  }

  @Test
  void storeCommand_recordsLatencyHistogramByCommand() {
    var metrics = new MicrometerQueueMetrics(registry);

    metrics.storeCommand("locate", Duration.ofMillis(2));
    metrics.storeCommand("locate", Duration.ofMillis(4));
    metrics.storeCommand("join", Duration.ofMillis(1));

    assertThat(registry.scrape())
        .contains("queue_store_command_seconds_count{command=\"locate\"} 2")
        .contains("queue_store_command_seconds_count{command=\"join\"} 1")
        .contains("queue_store_command_seconds_bucket{command=\"locate\",le=");
  }

  @Test
  void mirrorMeters_recordLagAndRebuildsPerEvent_andTheMirroredEventsFromZero() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);
    assertThat(registry.scrape()).contains("queue_mirrored_events 0.0");

    metrics.mirrorLag(event("concert-1"), Duration.ofMillis(3));
    metrics.mirrorLag(event("concert-1"), Duration.ofMillis(40));
    metrics.mirrorRebuilt(event("concert-1"));
    metrics.mirroredEvents(2);

    assertThat(registry.scrape())
        .contains("queue_mirror_lag_seconds_count{event=\"concert-1\"} 2")
        .contains("queue_mirror_lag_seconds_bucket{event=\"concert-1\",le=\"0.05\"} 2")
        .contains("queue_mirror_lag_seconds_bucket{event=\"concert-1\",le=\"0.025\"} 1")
        .contains("queue_mirror_rebuilds_total{event=\"concert-1\"} 1.0")
        .contains("queue_mirrored_events 2.0");
  }

  @Test
  void etaAtJoin_recordsTheRelativeErrorPerEventAndSide() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);

    // Told 90 s, waited 100 s: 10 % under. Told 120 s, waited 100 s: 20 % over.
    metrics.etaAtJoin(event("concert-1"), Duration.ofSeconds(90), Duration.ofSeconds(100));
    metrics.etaAtJoin(event("concert-1"), Duration.ofSeconds(120), Duration.ofSeconds(100));
    // A wait under a second counts as one: told 3 s, it is 200 % over.
    metrics.etaAtJoin(event("concert-1"), Duration.ofSeconds(3), Duration.ofMillis(200));

    String text = registry.scrape();
    assertThat(text)
        .contains("# TYPE queue_eta_error_percent histogram")
        .contains(
            "queue_eta_error_percent_bucket{event=\"concert-1\",side=\"under\",le=\"10.0\"} 1")
        .contains("queue_eta_error_percent_bucket{event=\"concert-1\",side=\"under\",le=\"5.0\"} 0")
        .contains("queue_eta_error_percent_bucket{event=\"concert-1\",side=\"over\",le=\"15.0\"} 0")
        .contains("queue_eta_error_percent_bucket{event=\"concert-1\",side=\"over\",le=\"25.0\"} 1")
        .contains(
            "queue_eta_error_percent_bucket{event=\"concert-1\",side=\"over\",le=\"200.0\"} 2")
        .contains("queue_eta_error_percent_count{event=\"concert-1\",side=\"over\"} 2");
  }

  @Test
  void etaAtJoin_ofAnEventWithoutALabel_countsUnderOther() {
    var metrics = new MicrometerQueueMetrics(registry);

    metrics.etaAtJoin(event("made-up"), Duration.ofSeconds(50), Duration.ofSeconds(100));

    assertThat(registry.scrape())
        .contains("queue_eta_error_percent_count{event=\"_other\",side=\"under\"} 1")
        .doesNotContain("made-up");
  }

  @Test
  void positionsByMethod_ignoresAnotherInstanceOnTheSameRegistry() {
    var metrics = new MicrometerQueueMetrics(registry);
    var sibling = new MicrometerQueueMetrics(registry);
    metrics.registerPositionMethods(List.of(LEGACY));

    sibling.positionComputed(LEGACY);

    assertThat(metrics.positionsByMethod()).containsEntry("legacy_zset", 0L);
    assertThat(sibling.positionsByMethod()).containsEntry("legacy_zset", 1L);
  }

  @Test
  void eventCounters_areLabelledByEvent() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);
    metrics.waiting(event("concert-2"), 1);

    metrics.joined(event("concert-1"));
    metrics.joined(event("concert-1"));
    metrics.joined(event("concert-2"));
    metrics.admitted(event("concert-1"), Duration.ofSeconds(10));
    metrics.left(event("concert-2"));
    metrics.expired(event("concert-1"), 3);
    metrics.expired(event("concert-1"), 0);

    assertThat(registry.scrape())
        .contains("queue_joins_total{event=\"concert-1\"} 2.0")
        .contains("queue_joins_total{event=\"concert-2\"} 1.0")
        .contains("queue_admissions_total{event=\"concert-1\"} 1.0")
        .contains("queue_leaves_total{event=\"concert-2\"} 1.0")
        .contains("queue_expiries_total{event=\"concert-1\"} 3.0");
  }

  @Test
  void waiting_setsTheGaugeToTheLastReportedCount() {
    var metrics = new MicrometerQueueMetrics(registry);

    metrics.waiting(event("concert-1"), 120);
    metrics.waiting(event("concert-1"), 95);

    assertThat(registry.scrape())
        .contains("# TYPE queue_waiting gauge")
        .contains("queue_waiting{event=\"concert-1\"} 95.0");
  }

  @Test
  void admitted_recordsWaitInSecondsBuckets() {
    var metrics = new MicrometerQueueMetrics(registry);

    metrics.admitted(event("concert-1"), Duration.ofSeconds(42));
    metrics.admitted(event("concert-1"), Duration.ofMinutes(90));
    metrics.admitted(event("concert-1"), Duration.ofSeconds(-3));

    assertThat(registry.scrape())
        .contains("# TYPE queue_wait_seconds histogram")
        .contains("queue_wait_seconds_bucket{le=\"1.0\"} 1")
        .contains("queue_wait_seconds_bucket{le=\"30.0\"} 1")
        .contains("queue_wait_seconds_bucket{le=\"60.0\"} 2")
        .contains("queue_wait_seconds_bucket{le=\"3600.0\"} 2")
        .contains("queue_wait_seconds_bucket{le=\"7200.0\"} 3")
        .contains("queue_wait_seconds_bucket{le=\"+Inf\"} 3")
        .contains("queue_wait_seconds_count 3")
        .contains("queue_wait_seconds_sum 5442.0");
  }

  @Test
  void eventsBeyondTheCap_shareTheOtherLabel() {
    var metrics = new MicrometerQueueMetrics(registry, 2);
    List.of("a", "b", "c", "d").forEach(id -> metrics.waiting(event(id), 1));

    metrics.joined(event("a"));
    metrics.joined(event("b"));
    metrics.joined(event("c"));
    metrics.joined(event("d"));
    metrics.left(event("a"));
    metrics.expired(event("d"), 5);

    String text = registry.scrape();
    assertThat(text)
        .contains("queue_joins_total{event=\"a\"} 1.0")
        .contains("queue_joins_total{event=\"b\"} 1.0")
        .contains("queue_joins_total{event=\"_other\"} 2.0")
        .contains("queue_leaves_total{event=\"a\"} 1.0")
        .contains("queue_expiries_total{event=\"_other\"} 5.0")
        .doesNotContain("event=\"c\"")
        .doesNotContain("event=\"d\"");
    assertThat(text.lines().filter(l -> l.startsWith("queue_joins_total{"))).hasSize(3);
  }

  @Test
  void waitingBeyondTheCap_sumsTheLastCountOfEachOverflowEvent() {
    var metrics = new MicrometerQueueMetrics(registry, 1);
    metrics.waiting(event("a"), 10);

    metrics.waiting(event("b"), 4);
    metrics.waiting(event("c"), 6);
    metrics.waiting(event("b"), 1);

    assertThat(registry.scrape())
        .contains("queue_waiting{event=\"a\"} 10.0")
        .contains("queue_waiting{event=\"_other\"} 7.0");

    metrics.waiting(event("c"), 0);

    assertThat(registry.scrape()).contains("queue_waiting{event=\"_other\"} 1.0");
  }

  @Test
  void realEventNamedOther_isFoldedIntoTheOverflowSeries() {
    var metrics = new MicrometerQueueMetrics(registry, 5);
    metrics.configured(event("_other"), true);
    metrics.configured(event("concert-1"), true);

    metrics.joined(event("_other"));
    metrics.joined(event("concert-1"));

    assertThat(registry.scrape())
        .contains("queue_joins_total{event=\"_other\"} 1.0")
        .contains("queue_joins_total{event=\"concert-1\"} 1.0");
  }

  @Test
  void madeUpEvent_losesItsSeriesOnceTheReaperSeesItsLineEmpty() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.waiting(event("junk-1"), 1);
    metrics.joined(event("junk-1"));
    metrics.expired(event("junk-1"), 1);
    assertThat(registry.scrape()).contains("queue_joins_total{event=\"junk-1\"} 1.0");

    metrics.waiting(event("junk-1"), 0);

    assertThat(registry.scrape()).doesNotContain("event=\"junk-1\"");
    assertThat(registry.getMeters()).noneMatch(m -> "junk-1".equals(m.getId().getTag("event")));
  }

  @Test
  void joinsOfAnEventNobodyConfigured_countUnderOtherUntilTheReaperSeesItsWaiters() {
    var metrics = new MicrometerQueueMetrics(registry);

    metrics.joined(event("made-up"));
    metrics.admitted(event("made-up"), Duration.ofSeconds(1));

    assertThat(registry.scrape())
        .doesNotContain("event=\"made-up\"")
        .contains("queue_joins_total{event=\"_other\"} 1.0")
        .contains("queue_admissions_total{event=\"_other\"} 1.0");
  }

  @Test
  void configuredEvent_keepsItsSeriesWhileEmpty_andLosesThemWhenItsPolicyGoes() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);
    metrics.waiting(event("concert-1"), 5);
    metrics.joined(event("concert-1"));

    metrics.waiting(event("concert-1"), 0);

    assertThat(registry.scrape())
        .contains("queue_joins_total{event=\"concert-1\"} 1.0")
        .contains("queue_waiting{event=\"concert-1\"} 0.0");

    metrics.configured(event("concert-1"), false);

    assertThat(registry.scrape()).doesNotContain("event=\"concert-1\"");
  }

  @Test
  void proofOfWorkRefusals_countPerEventAndReason_besideTheRefusedOutcome() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);

    metrics.challengeRefused(event("concert-1"), ProofOfWorkRefusal.SPENT);
    metrics.challengeRefused(event("concert-1"), ProofOfWorkRefusal.SPENT);
    metrics.challengeRefused(event("concert-1"), ProofOfWorkRefusal.EXPIRED);

    assertThat(registry.scrape())
        .contains("queue_pow_challenges_total{event=\"concert-1\",outcome=\"refused\"} 3.0")
        .contains("queue_pow_refusals_total{event=\"concert-1\",reason=\"spent\"} 2.0")
        .contains("queue_pow_refusals_total{event=\"concert-1\",reason=\"expired\"} 1.0")
        // Only the reasons that occurred: no series of zeros for every event.
        .doesNotContain("reason=\"wrong_number\"");
  }

  @Test
  void proofOfWorkRefusals_leaveWithTheEventsLabel() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);
    metrics.challengeRefused(event("concert-1"), ProofOfWorkRefusal.MISSING);

    metrics.configured(event("concert-1"), false);

    assertThat(registry.getMeters()).noneMatch(m -> "concert-1".equals(m.getId().getTag("event")));
  }

  @Test
  void eventWhosePolicyGoesWhilePeopleWait_keepsItsSeriesUntilItsLineEmpties() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("concert-1"), true);
    metrics.waiting(event("concert-1"), 5);

    metrics.configured(event("concert-1"), false);
    assertThat(registry.scrape()).contains("queue_waiting{event=\"concert-1\"} 5.0");

    metrics.waiting(event("concert-1"), 0);
    assertThat(registry.scrape()).doesNotContain("event=\"concert-1\"");
  }

  @Test
  void madeUpEventsThatWentQuiet_leaveRoomForNewLabels() {
    var metrics = new MicrometerQueueMetrics(registry, 2);
    for (int i = 0; i < 1_000; i++) {
      metrics.waiting(event("junk-" + i), 1);
      metrics.waiting(event("junk-" + i), 0);
    }

    metrics.waiting(event("real"), 3);

    String text = registry.scrape();
    assertThat(text).contains("queue_waiting{event=\"real\"} 3.0").doesNotContain("junk-");
    assertThat(text.lines().filter(l -> l.startsWith("queue_waiting{"))).hasSize(2);
  }

  @Test
  void configuredEvents_getALabelBeyondTheCap() {
    var metrics = new MicrometerQueueMetrics(registry, 1);
    metrics.waiting(event("walk-in"), 2);

    metrics.configured(event("concert-1"), true);
    metrics.joined(event("concert-1"));

    assertThat(registry.scrape())
        .contains("queue_waiting{event=\"walk-in\"} 2.0")
        .contains("queue_joins_total{event=\"concert-1\"} 1.0");
  }

  @Test
  void negativeCap_isRejected() {
    assertThatThrownBy(() -> new MicrometerQueueMetrics(registry, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void captchaVerifications_areCountedPerEventAndVerdict_andLeaveWithTheEvent() {
    var metrics = new MicrometerQueueMetrics(registry);
    metrics.configured(event("sale"), true);

    metrics.captchaVerified(event("sale"), CaptchaVerdict.PASSED);
    metrics.captchaVerified(event("sale"), CaptchaVerdict.PASSED);
    metrics.captchaVerified(event("sale"), CaptchaVerdict.UNAVAILABLE);

    assertThat(registry.scrape())
        .contains("queue_captcha_verifications_total{event=\"sale\",outcome=\"passed\"} 2.0")
        .contains("queue_captcha_verifications_total{event=\"sale\",outcome=\"failed\"} 0.0")
        .contains("queue_captcha_verifications_total{event=\"sale\",outcome=\"unavailable\"} 1.0");

    metrics.configured(event("sale"), false);

    assertThat(registry.scrape())
        .doesNotContain("queue_captcha_verifications_total{event=\"sale\"");
  }
}
