package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.it.Api.Reply;
import io.queuegate.it.MalformedRequests.Attempt;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hundreds of generated malformed requests, and requests with broken HTTP framing written byte for
 * byte on a socket, against the real service: none may get a 5xx, every error must come in the
 * envelope, and a bystander event's line must stay exactly as it was. Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputSuite {
  private static final String BYSTANDER = "bystander-event";
  private static final long SEED = 20261125L;
  private static final int CASES = 400;

  private ServiceHarness harness;
  private Api api;
  private final List<String> bystanderTokens = new ArrayList<>();

  /** Starts the service on the store under test. */
  protected abstract ServiceHarness start();

  @BeforeAll
  void startService() {
    harness = start();
    api = harness.api;
    for (int i = 0; i < 3; i++) {
      bystanderTokens.add(api.join(BYSTANDER).body().path("waiting_token").asText());
    }
  }

  @AfterAll
  void stopService() {
    if (harness != null) {
      harness.close();
    }
  }

  Stream<Arguments> attempts() {
    MalformedRequests generator = new MalformedRequests(SEED, BYSTANDER);
    return Stream.iterate(0, i -> i + 1).limit(CASES).map(i -> Arguments.of(i, generator.next()));
  }

  @ParameterizedTest(name = "seed " + SEED + " case {0}: {1}")
  @MethodSource("attempts")
  void malformedRequest_neverGets5xx_andNeverTouchesAnotherEvent(int index, Attempt a) {
    List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
    if (a.idempotencyKey() != null
        && !a.idempotencyKey().isBlank()
        && a.idempotencyKey().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      headers.addAll(List.of("Idempotency-Key", a.idempotencyKey()));
    }
    Reply reply;
    try {
      reply = api.raw(a.method(), a.path(), a.body(), headers.toArray(String[]::new));
    } catch (UncheckedIOException e) {
      throw new AssertionError("the service gave no HTTP answer to " + a, e);
    }

    assertThat(reply.status()).as("status of %s", a).isLessThan(500);
    if (reply.status() >= 400) {
      assertThat(reply.errorCode()).as("error envelope of %s", a).isNotBlank();
      assertThat(reply.body().path("error").path("trace_id").asText()).isNotBlank();
    }
    assertThat(reply.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(reply.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(reply.body() == null || !reply.body().has("data")).isTrue();
    assertBystanderUntouched();
  }

  Stream<MalformedFraming.Case> framing() {
    return MalformedFraming.cases(BYSTANDER).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("framing")
  void brokenFraming_getsItsStatusInTheEnvelope_andNeverTouchesAnotherEvent(
      MalformedFraming.Case c) {
    RawHttp.Answer answer = RawHttp.exchange(harness.base(), c.request());

    assertThat(answer.status())
        .as("status of: %s (body %s)", c, answer.body())
        .isEqualTo(c.expectedStatus());
    assertThat(answer.headers().get("content-type")).startsWith("application/json");
    assertThat(answer.headers().get("cache-control")).isEqualTo("no-store");
    assertThat(answer.headers().get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(answer.errorCode()).as("error envelope of: %s", c).isNotBlank();
    assertThat(answer.json().path("error").path("trace_id").asText()).isNotBlank();
    // Nothing after broken framing can be trusted: the server closes without a second answer.
    assertThat(answer.closed()).as("connection closed after: %s", c).isTrue();
    assertThat(answer.after()).as("sent after the answer to: %s", c).isEmpty();
    assertBystanderUntouched();
  }

  private void assertBystanderUntouched() {
    for (int i = 0; i < bystanderTokens.size(); i++) {
      Reply status = api.status(bystanderTokens.get(i));
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.body().path("position").asLong()).isEqualTo(i + 1);
    }
    assertThat(api.adminGet(BYSTANDER).body().path("stats").path("joined").asLong()).isEqualTo(3);
  }
}
