package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two queuegate instances sharing one Redis Cluster behave as one waiting room. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {
  private ServiceHarness first;
  private ServiceHarness second;

  @BeforeAll
  void start() {
    Map<String, String> env = RedisEnv.cluster(RedisServers.cluster().addresses());
    first = ServiceHarness.start(env);
    second = ServiceHarness.start(env);
  }

  @AfterAll
  void stop() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  private Api either(int i) {
    return i % 2 == 0 ? first.api : second.api;
  }

  @Test
  void joinsAlternatingBetweenInstances_formOneFifoLine_seenAlikeFromBoth() {
    String event = "two-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Reply r = either(i).join(event);
      assertThat(r.body().path("position_hint").asLong()).isEqualTo(i + 1);
      tokens.add(r.body().path("waiting_token").asText());
    }
    for (int i = 0; i < tokens.size(); i++) {
      assertThat(first.api.status(tokens.get(i)).body().path("position").asLong()).isEqualTo(i + 1);
      assertThat(second.api.status(tokens.get(i)).body().path("position").asLong())
          .isEqualTo(i + 1);
    }
    // The head leaves through one instance; the other sees everyone move up by exactly one.
    assertThat(first.api.leave(tokens.get(0)).status()).isEqualTo(200);
    assertThat(second.api.status(tokens.get(5)).body().path("position").asLong()).isEqualTo(5);
  }

  @Test
  void twoThousandConcurrentJoinsOverBothInstances_getGapFreePositions() throws Exception {
    String event = "two-" + UUID.randomUUID().toString().substring(0, 8);
    List<Reply> replies = EndToEndSuite.concurrently(2000, i -> either(i).join(event));
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(202));
    assertThat(replies.stream().map(r -> r.body().path("position_hint").asLong()).sorted())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
  }

  @Test
  void concurrentEntersOnOneTokenOverBothInstances_admitExactlyOnce() throws Exception {
    String event = "two-" + UUID.randomUUID().toString().substring(0, 8);
    String token = first.api.join(event).body().path("waiting_token").asText();
    List<Reply> replies = EndToEndSuite.concurrently(50, i -> either(i).enter(token));
    assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
    assertThat(replies.stream().filter(r -> r.status() != 200))
        .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("TOKEN_NOT_FOUND"));
  }

  @Test
  void admissionSignedByOneInstance_verifiesOnTheOther() {
    String event = "two-" + UUID.randomUUID().toString().substring(0, 8);
    String token = first.api.join(event).body().path("waiting_token").asText();
    Reply entered = first.api.enter(token);
    assertThat(entered.status()).isEqualTo(200);

    Reply verified = second.api.verify(entered.body().path("reservation_token").asText(), true);

    assertThat(verified.status()).as("verify: %s", verified.body()).isEqualTo(200);
    assertThat(first.api.get("/.well-known/jwks.json").raw().body())
        .isEqualTo(second.api.get("/.well-known/jwks.json").raw().body());
  }
}
