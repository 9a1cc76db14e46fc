package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.adapter.http.routing.Routes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself must be able to fail, or every route test would prove nothing. */
class OpenApiContractTest {
  private static final Map<String, List<String>> JSON_WITH_ID =
      Map.of("content-type", List.of("application/json"), "x-request-id", List.of("r1"));

  @Test
  void conformingError_passes() {
    Exchange ok =
        new Exchange(
            400,
            JSON_WITH_ID,
            "{\"error\":{\"code\":\"MISSING_TOKEN\",\"message\":\"m\",\"trace_id\":\"r1\"}}");

    assertThatCode(() -> OpenApiContract.assertConforms("GET", Routes.STATUS, ok))
        .doesNotThrowAnyException();
  }

  @Test
  void unknownErrorCode_fails() {
    Exchange bad =
        new Exchange(
            400,
            JSON_WITH_ID,
            "{\"error\":{\"code\":\"OOPS\",\"message\":\"m\",\"trace_id\":\"r1\"}}");

    assertThatThrownBy(() -> OpenApiContract.assertConforms("GET", Routes.STATUS, bad))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void topLevelDataField_fails() {
    Exchange bad = new Exchange(200, JSON_WITH_ID, "{\"status\":\"left\",\"data\":{}}");

    assertThatThrownBy(() -> OpenApiContract.assertConforms("DELETE", Routes.LEAVE, bad))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void missingRequestIdHeader_fails() {
    Exchange bad =
        new Exchange(
            200, Map.of("content-type", List.of("application/json")), "{\"status\":\"left\"}");

    assertThatThrownBy(() -> OpenApiContract.assertConforms("DELETE", Routes.LEAVE, bad))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void undeclaredStatus_fails() {
    Exchange bad =
        new Exchange(
            409,
            JSON_WITH_ID,
            "{\"error\":{\"code\":\"DUPLICATE_REQUEST\",\"message\":\"m\",\"trace_id\":\"r1\"}}");

    assertThatThrownBy(() -> OpenApiContract.assertConforms("GET", Routes.STATUS, bad))
        .isInstanceOf(AssertionError.class);
  }
}
