package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.adapter.http.routing.Routes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An instance that may hold one event stream refuses the second with 503 and Retry-After. */
@ServerTest
class QueueEventsLimitServerIT {
  private static final Fixtures FIX = new Fixtures();
  private static final PushSettings ONE_STREAM =
      new PushSettings(1, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(3));

  private final Api api;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  QueueEventsLimitServerIT(Http1Client client, WebServer server) {
    this.api = new Api(client);
    this.base = URI.create("http://localhost:" + server.port());
  }

  @SetUpServer
  static void server(WebServerConfig.Builder server) {
    FIX.adapter(false, List.of(), ONE_STREAM).configure(server);
  }

  @Test
  void secondStreamBeyondTheLimit_is503WithRetryAfterUntilTheFirstCloses() throws Exception {
    FIX.reset();
    when(FIX.useCases.status().status("tok")).thenReturn(Answers.status(5, 10, 0, false, 1000));
    HttpResponse<Stream<String>> first =
        http.send(events("tok"), HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = first.body().iterator();
    assertThat(lines.next()).isEqualTo("event:status");

    Exchange refused = api.get(Routes.EVENTS).query("token", "tok").send();

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(refused.header("Retry-After")).isEqualTo("3");
    first.body().close();
    // The server notices the closed stream at its next write, then the place is free again.
    Eventually.await(() -> Integer.toString(opened("tok")), "200");
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
