package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An instance with room for many streams still holds at most two for one waiting token and three
 * for one client network; beyond that the answer is 429 RATE_LIMITED with Retry-After, and the
 * place comes back when a stream closes.
 */
@ServerTest
class QueueEventsClientLimitServerIT {
  private static final Fixtures FIX = new Fixtures();
  private static final PushSettings LIMITS =
      new PushSettings(
          100, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(3), 2, 3);

  private final Api api;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<HttpResponse<Stream<String>>> open = new ArrayList<>();

  QueueEventsClientLimitServerIT(Http1Client client, WebServer server) {
    this.api = new Api(client);
    this.base = URI.create("http://localhost:" + server.port());
  }

  @SetUpServer
  static void server(WebServerConfig.Builder server) {
    FIX.adapter(false, ClientSettings.behind(List.of()), LIMITS).configure(server);
  }

  @Test
  void streamsBeyondThePerTokenAndPerClientLimits_are429UntilOneCloses() throws Exception {
    FIX.reset();
    when(FIX.useCases.status().status(anyString()))
        .thenReturn(Answers.status(5, 10, 0, false, 1000));
    String a = token();
    String b = token();
    String c = token();
    stream(a);
    // The same waiter with an ETA stamp is the same token: its spellings share the limit.
    stream(a + "~AbCdEfGhIjKlMnOp");

    Exchange thirdOfA = api.get(Routes.EVENTS).query("token", a + "~ZyXwVuTsRqPoNmLk").send();
    stream(b);
    Exchange fourthOfClient = api.get(Routes.EVENTS).query("token", c).send();

    assertThat(thirdOfA.status()).isEqualTo(429);
    assertThat(thirdOfA.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(thirdOfA.header("Retry-After")).isEqualTo("3");
    assertThat(thirdOfA.header("X-RateLimit-Limit")).isEqualTo("2");
    assertThat(fourthOfClient.status()).isEqualTo(429);
    assertThat(fourthOfClient.header("X-RateLimit-Limit")).isEqualTo("3");
    open.get(0).body().close();
    // The server notices the closed stream at its next write, then the places are free again.
    Eventually.await(() -> Integer.toString(opened(c)), "200");
    open.forEach(res -> res.body().close());
  }

  private static String token() {
    return new WaitingToken(new EventId("concert"), WaiterId.random()).encode();
  }

  private void stream(String token) throws Exception {
    HttpResponse<Stream<String>> res =
        http.send(events(token), HttpResponse.BodyHandlers.ofLines());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body().iterator().next()).isEqualTo("event:status");
    open.add(res);
  }

  private int opened(String token) {
    try {
      HttpResponse<Stream<String>> res =
          http.send(events(token), HttpResponse.BodyHandlers.ofLines());
      res.body().close();
      return res.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpRequest events(String token) {
    return HttpRequest.newBuilder(base.resolve(Routes.EVENTS + "?token=" + token))
        .timeout(Duration.ofSeconds(10))
        .build();
  }
}
