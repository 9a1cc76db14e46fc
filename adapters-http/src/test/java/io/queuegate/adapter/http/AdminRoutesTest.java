package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventOverview;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final String EVENT = "/api/v1/admin/events/concert";
  private static final String BEARER = "Bearer " + Fixtures.ADMIN_TOKEN;
  private static final EventId CONCERT = new EventId("concert");

  private final Api api = FIX.api();

  @Test
  @SuppressWarnings("unchecked")
  void putPolicy_mergesPresentFieldsOntoPolicyInForce() {
    when(FIX.useCases.configure().configure(eq(CONCERT), any()))
        .thenAnswer(
            call ->
                ((UnaryOperator<QueuePolicy>) call.getArgument(1)).apply(QueuePolicy.defaults()));

    Exchange res =
        api.put(EVENT)
            .header("Authorization", BEARER)
            .send(
                "{\"ready_window\":10,\"max_waiting\":0,"
                    + "\"admission_ttl_sec\":60,\"paused_joins\":true}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("event_id").asText()).isEqualTo("concert");
    assertThat(res.json().path("policy").path("ready_window").asLong()).isEqualTo(10);
    assertThat(res.json().path("policy").path("admission_ttl_sec").asLong()).isEqualTo(60);
    assertThat(res.json().path("policy").path("paused_joins").asBoolean()).isTrue();
    assertThat(res.json().path("policy").path("admission_burst").asLong()).isEqualTo(500);
  }

  @Test
  @SuppressWarnings("unchecked")
  void putWaitingPageFields_areAppliedAndShown() {
    when(FIX.useCases.configure().configure(eq(CONCERT), any()))
        .thenAnswer(
            call ->
                ((UnaryOperator<QueuePolicy>) call.getArgument(1)).apply(QueuePolicy.defaults()));

    Exchange res =
        api.put(EVENT)
            .header("Authorization", BEARER)
            .send(
                "{\"target_url\":\"https://shop.example/book\",\"title\":\"Concert <live>\","
                    + "\"target_delivery\":\"form\"}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("policy").path("target_url").asText())
        .isEqualTo("https://shop.example/book");
    assertThat(res.json().path("policy").path("title").asText()).isEqualTo("Concert <live>");
    assertThat(res.json().path("policy").path("target_delivery").asText()).isEqualTo("form");
  }

  @Test
  @SuppressWarnings("unchecked")
  void putEmptyTargetUrl_removesTheTargetAndKeepsTheTitle() {
    QueuePolicy current =
        QueuePolicy.defaults().toBuilder()
            .page(WaitingPage.of("https://shop.example/", "Concert", TargetDelivery.QUERY))
            .build();
    when(FIX.useCases.configure().configure(eq(CONCERT), any()))
        .thenAnswer(call -> ((UnaryOperator<QueuePolicy>) call.getArgument(1)).apply(current));

    Exchange res = api.put(EVENT).header("Authorization", BEARER).send("{\"target_url\":\"\"}");

    assertThat(res.json().path("policy").path("target_url").asText()).isEmpty();
    assertThat(res.json().path("policy").path("title").asText()).isEqualTo("Concert");
    assertThat(res.json().path("policy").path("target_delivery").asText()).isEqualTo("query");
  }

  @Test
  @SuppressWarnings("unchecked")
  void putTargetThatIsNotHttp_returns400InvalidPolicy() {
    when(FIX.useCases.configure().configure(eq(CONCERT), any()))
        .thenAnswer(
            call ->
                ((UnaryOperator<QueuePolicy>) call.getArgument(1)).apply(QueuePolicy.defaults()));

    Exchange res =
        api.put(EVENT)
            .header("Authorization", BEARER)
            .send("{\"target_url\":\"javascript:alert(1)\"}");

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_POLICY");
  }

  @Test
  @SuppressWarnings("unchecked")
  void putUnknownTargetDelivery_returns400InvalidPolicy() {
    when(FIX.useCases.configure().configure(eq(CONCERT), any()))
        .thenAnswer(
            call ->
                ((UnaryOperator<QueuePolicy>) call.getArgument(1)).apply(QueuePolicy.defaults()));

    Exchange res =
        api.put(EVENT).header("Authorization", BEARER).send("{\"target_delivery\":\"post\"}");

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_POLICY");
  }

  @Test
  void putPolicyOutOfRange_returns400InvalidPolicy() {
    when(FIX.useCases.configure().configure(eq(CONCERT), any()))
        .thenThrow(new InvalidPolicy(PolicyField.READY_WINDOW, "must be 1 to 1000000"));

    Exchange res = api.put(EVENT).header("Authorization", BEARER).send("{\"ready_window\":0}");

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_POLICY");
    assertThat(res.json().path("error").path("message").asText())
        .isEqualTo("ready_window must be 1 to 1000000");
  }

  @Test
  void getEvent_returnsPolicyAndStats() {
    FIX.metrics.positionCounts.putAll(Map.of("position_index", 17L, "scan_fallback", 0L));
    when(FIX.useCases.describe().describe(CONCERT))
        .thenReturn(
            new EventOverview(
                CONCERT,
                QueuePolicy.defaults(),
                true,
                new EventStats(5, 20, 10, 3, 2, 4, Optional.empty()),
                1.5,
                42));

    Exchange res = api.get(EVENT).header("Authorization", BEARER).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("configured").asBoolean()).isTrue();
    assertThat(res.json().path("stats").path("joined").asLong()).isEqualTo(20);
    assertThat(res.json().path("stats").path("oldest_wait_sec").asLong()).isEqualTo(42);
    assertThat(res.json().path("stats").path("positions_by_method").path("position_index").asLong())
        .isEqualTo(17);
    assertThat(res.json().path("stats").path("positions_by_method").path("scan_fallback").asLong())
        .isZero();
  }

  @Test
  void pauseAndResume_setBothPauses() {
    when(FIX.useCases.pause().setPaused(eq(CONCERT), eq(true)))
        .thenReturn(
            QueuePolicy.defaults().toBuilder().pausedJoins(true).pausedAdmission(true).build());
    when(FIX.useCases.pause().setPaused(eq(CONCERT), eq(false))).thenReturn(QueuePolicy.defaults());

    Exchange paused = api.post(EVENT + "/pause").header("Authorization", BEARER).send();
    Exchange resumed = api.post(EVENT + "/resume").header("Authorization", BEARER).send();

    assertThat(paused.json().path("policy").path("paused_admission").asBoolean()).isTrue();
    assertThat(resumed.json().path("policy").path("paused_admission").asBoolean()).isFalse();
  }

  @Test
  void deleteEvent_returnsDeleted() {
    Exchange res = api.delete(EVENT).header("Authorization", BEARER).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("status").asText()).isEqualTo("deleted");
    verify(FIX.useCases.delete()).delete(CONCERT);
  }

  @Test
  void wrongOrMissingAdminToken_returns401WithChallenge() {
    for (String authorization : List.of("Bearer wrong", "Basic abc", "")) {
      Api.Request request = api.get(EVENT);
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      Exchange res = request.send();

      assertThat(res.status()).isEqualTo(401);
      assertThat(res.errorCode()).isEqualTo("UNAUTHORIZED");
      assertThat(res.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
    verifyNoInteractions(FIX.useCases.describe());
  }

  @Test
  void invalidEventIdInPath_returns400BeforeAnyUseCase() {
    Exchange res = api.get("/api/v1/admin/events/a%7Bb%7D").header("Authorization", BEARER).send();

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_EVENT_ID");
    verifyNoInteractions(FIX.useCases.describe());
  }

  @Test
  void putWithDurationOfWrongType_returns400InvalidRequest() {
    Exchange res =
        api.put(EVENT).header("Authorization", BEARER).send("{\"heartbeat_timeout_sec\":\"PT5M\"}");

    assertThat(res.errorCode()).isEqualTo("INVALID_REQUEST");
    verifyNoInteractions(FIX.useCases.configure());
  }
}
