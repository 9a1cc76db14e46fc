package io.queuegate.adapter.http.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.http.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
  private static final long[] EDGES = {0, 1, 9, 10, 999, -1, Long.MAX_VALUE, Long.MIN_VALUE};

  private static void assertSameAsTheMapper(StatusResponse response) {
    assertThat(new String(StatusJson.write(response), StandardCharsets.UTF_8))
        .isEqualTo(new String(Json.write(response), StandardCharsets.UTF_8));
  }

  @Test
  void aWaiterInTheLine_isWrittenAsTheMapperWritesIt() {
    StatusResponse response =
        new StatusResponse("waiting", 1, 1, 0, true, 500, 0, 7, Phase.LINE, null);

    assertThat(new String(StatusJson.write(response), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"status\":\"waiting\",\"position\":1,\"eta_sec\":1,\"waiting_time\":0,"
                + "\"ready_for_entry\":true,\"poll_after_ms\":500,\"eta_low_sec\":0,"
                + "\"eta_high_sec\":7,\"phase\":\"line\"}");
    assertSameAsTheMapper(response);
  }

  @Test
  void aScheduledSale_addsOpensAtAsTheMapperDoes() {
    assertSameAsTheMapper(
        new StatusResponse(
            "waiting", 0, 60, 3, false, 1000, 40, 90, Phase.PRE_QUEUE, "2030-01-02T03:04:05Z"));
    assertSameAsTheMapper(
        new StatusResponse(
            "waiting", 5, 60, 3, false, 1000, 40, 90, Phase.LINE, "2030-01-02T03:04:05.123Z"));
  }

  @Test
  void everyNumberAtItsEdges_isWrittenAsTheMapperWritesIt() {
    List<StatusResponse> responses = new ArrayList<>();
    for (long n : EDGES) {
      responses.add(new StatusResponse("waiting", n, n, n, false, n, n, n, Phase.LINE, null));
      responses.add(
          new StatusResponse("waiting", n, n, n, true, n, n, n, Phase.PRE_QUEUE, "2030-01-01T00Z"));
    }
    Random random = new Random(15);
    for (int i = 0; i < 1_000; i++) {
      responses.add(
          new StatusResponse(
              "waiting",
              random.nextLong(),
              random.nextInt(),
              random.nextInt(100_000),
              random.nextBoolean(),
              random.nextInt(30_001),
              random.nextLong(),
              random.nextLong(),
              random.nextBoolean() ? Phase.LINE : Phase.PRE_QUEUE,
              null));
    }

    responses.forEach(StatusJsonTest::assertSameAsTheMapper);
  }

  @Test
  void textThatNeedsEscaping_isLeftToTheMapper() {
    assertSameAsTheMapper(
        new StatusResponse("wai\"ting", 1, 1, 1, true, 1, 1, 1, "li\\ne", "caf\u00e9\n\u0001"));
  }
}
