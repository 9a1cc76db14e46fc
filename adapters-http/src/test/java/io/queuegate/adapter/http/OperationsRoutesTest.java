package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();

  private final Api api = FIX.api();

  @Test
  void healthz_isHealthyWithServiceAndVersion() {
    Exchange res = api.get(Routes.HEALTHZ).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("status").asText()).isEqualTo("healthy");
    assertThat(res.json().path("version").asText()).isEqualTo("1.2.3");
  }

  @Test
  void readyz_followsTheReadinessCheck() {
    when(FIX.useCases.readiness().ready())
        .thenReturn(true)
        .thenReturn(false)
        .thenThrow(new IllegalStateException("boom"));

    Exchange ready = api.get(Routes.READYZ).send();
    Exchange notReady = api.get(Routes.READYZ).send();
    Exchange failing = api.get(Routes.READYZ).send();

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("status").asText()).isEqualTo("ready");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.json().path("status").asText()).isEqualTo("not_ready");
    assertThat(notReady.header("Retry-After")).isEqualTo("5");
    assertThat(failing.status()).isEqualTo(503);
  }

  @Test
  void version_comesFromTheBuild() {
    Exchange res = api.get(Routes.VERSION).send();

    assertThat(res.json().path("commit").asText()).isEqualTo("abc1234");
    assertThat(res.json().path("built").asText()).isEqualTo("2025-01-01");
  }

  @Test
  void metrics_recordRequestsByRouteTemplateNeverRawPath() {
    when(FIX.useCases.status().status("t")).thenReturn(Answers.status(1, 2, 3, true, 1000));
    api.get(Routes.STATUS).query("token", "t").send();
    api.get("/api/v1/admin/events/some-event").send();
    api.get("/no/such/path/123").send();

    String recorded =
        Eventually.await(
            FIX.metrics::requests,
            "GET /api/v1/queue/status 200",
            "GET /api/v1/admin/events/{event_id} 401",
            "GET unmatched 404");
    Exchange res = api.get(Routes.METRICS).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).startsWith("text/plain");
    assertThat(res.body()).isEqualTo(RecordingMetrics.SCRAPE);
    assertThat(recorded).doesNotContain("some-event").doesNotContain("/no/such/path");
  }

  @Test
  void openEventStreams_areShownFromTheStart() {
    assertThat(FIX.metrics.openStreams()).isZero();
  }

  @Test
  void openapi_servesTheContractAsYaml() {
    Exchange res = api.get(Routes.OPENAPI).send();

    assertThat(res.header("Content-Type")).startsWith("application/yaml");
    assertThat(res.body()).isEqualTo(OpenApiContract.document());
  }

  @Test
  void operationsRoutes_areExemptFromRateLimit() {
    api.get(Routes.HEALTHZ).send();
    api.get(Routes.METRICS).send();

    org.mockito.Mockito.verifyNoInteractions(FIX.useCases.rateLimit());
  }
}
