package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.log.ChainedRecord;
import io.queuegate.domain.log.LogChain;
import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The public log over HTTP: its JSON, its cache headers, and bad paging as a 400; and the join
 * answer's receipt, as the OpenAPI document describes it.
 */
class LogRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final EventId EVENT = new EventId("sale-1");
  private static final String LOG = Routes.LOG.replace("{event_id}", "sale-1");
  private static final EntrantId ENTRANT = EntrantId.of(WaiterId.random());
  private static final ShuffleSeed SEED = ShuffleSeed.random();
  private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");

  private final Api api = FIX.api();

  private static LogPage page(long after, int limit) {
    List<LogRecord> records =
        List.of(
            new LogRecord.Join(1, T, ENTRANT, true),
            new LogRecord.Opening(
                2, T, 1, SEED, ShuffleKey.of(SEED, Optional.of("draw")), Optional.of("draw")),
            new LogRecord.Admission(3, T, ENTRANT, 1, 50));
    String prev = LogChain.genesis(EVENT);
    List<ChainedRecord> chained = new ArrayList<>();
    for (LogRecord r : records) {
      String hash = LogChain.next(prev, r);
      chained.add(new ChainedRecord(r, prev, hash));
      prev = hash;
    }
    return new LogPage(after, limit, chained);
  }

  @Test
  void aFullPageIsCachedForADay_withEveryRecordsFields() {
    when(FIX.useCases.log().read(EVENT, 0, 3)).thenReturn(page(0, 3));

    Exchange res = api.get(LOG).query("limit", "3").send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Cache-Control")).isEqualTo("public, max-age=86400");
    JsonNode json = res.json();
    assertThat(json.path("genesis").asText()).isEqualTo(LogChain.genesis(EVENT));
    assertThat(json.path("next_after").asLong()).isEqualTo(3);
    JsonNode join = json.path("records").get(0);
    assertThat(join.path("type").asText()).isEqualTo("join");
    assertThat(join.path("pre_queue").asBoolean()).isTrue();
    assertThat(join.path("entrant").asText()).isEqualTo(ENTRANT.value());
    assertThat(join.path("canonical").asText()).startsWith("1|join|");
    JsonNode open = json.path("records").get(1);
    assertThat(open.path("seed").asText()).isEqualTo(SEED.hex());
    assertThat(open.path("public_value").asText()).isEqualTo("draw");
    assertThat(open.path("prev").asText()).isEqualTo(join.path("hash").asText());
    JsonNode admit = json.path("records").get(2);
    assertThat(admit.path("position").asLong()).isEqualTo(1);
    assertThat(admit.path("ready_window").asLong()).isEqualTo(50);
  }

  @Test
  void theLastPageIsCachedBriefly() {
    when(FIX.useCases.log().read(EVENT, 0, 1000)).thenReturn(page(0, 1000));

    Exchange res = api.get(LOG).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Cache-Control")).isEqualTo("public, max-age=2");
  }

  @Test
  void aJoinAnswerCarriesItsSignedReceipt() {
    WaitingToken token = new WaitingToken(EVENT, WaiterId.random());
    String receipt = "eyJhbGciOiJFUzI1NiJ9.eyJsb2dfc2VxIjoxfQ.c2lnbmF0dXJl";
    when(FIX.useCases.join().join(any()))
        .thenReturn(Answers.receipt(token, 3, 10, 1_000).withSignedReceipt(Optional.of(receipt)));

    Exchange res =
        api.post(Routes.JOIN).idempotencyKey().send("{\"event_id\":\"sale-1\",\"user_id\":\"a\"}");

    assertThat(res.status()).isEqualTo(202);
    assertThat(res.json().path("receipt").asText()).isEqualTo(receipt);
  }

  @Test
  void badPagingIsA400() {
    for (List<String> query :
        List.of(
            List.of("limit", "0"),
            List.of("limit", "1001"),
            List.of("after", "-1"),
            List.of("after", "x"))) {
      Exchange res = api.get(LOG).query(query.get(0), query.get(1)).send();

      assertThat(res.status()).as(query.toString()).isEqualTo(400);
      assertThat(res.json().path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
    }
  }
}
