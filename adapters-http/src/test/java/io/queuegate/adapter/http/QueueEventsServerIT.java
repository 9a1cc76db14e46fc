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
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status event stream over a real socket, with fast checks. */
@ServerTest
class QueueEventsServerIT {
  private static final Fixtures FIX = new Fixtures();
  private static final PushSettings FAST =
      new PushSettings(100, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(3));

  private final Api api;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  QueueEventsServerIT(Http1Client client, WebServer server) {
    this.api = new Api(client);
    this.base = URI.create("http://localhost:" + server.port());
  }

  @SetUpServer
  static void server(WebServerConfig.Builder server) {
    FIX.adapter(false, List.of(), FAST).configure(server);
  }

  @BeforeEach
  void resetMocks() {
    FIX.reset();
  }

  private static WaiterStatus at(long position, boolean ready) {
    return Answers.status(position, 4, 0, ready, 1000);
  }

  @Test
  void streamSendsStatusAsTheLineMovesThenReadyAndEndsWhenTheWaiterIsGone() throws Exception {
    when(FIX.useCases.status().status("tok"))
        .thenReturn(at(3, false), at(2, false), at(1, true))
        .thenThrow(new WaiterNotFound());

    HttpResponse<String> res = http.send(events("tok"), HttpResponse.BodyHandlers.ofString());

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(eventNames(res.body())).containsExactly("status", "status", "status", "ready");
    assertThat(res.body()).contains("\"position\":3", "\"position\":2", "\"ready_for_entry\":true");
    OpenApiContract.assertConforms(
        "GET", Routes.EVENTS, new Exchange(200, lowerCase(res.headers().map()), res.body()));
  }

  @Test
  void unknownOrExpiredToken_isAnEnvelopeBeforeAnyStream() {
    when(FIX.useCases.status().status("gone")).thenThrow(new WaiterNotFound());
    when(FIX.useCases.status().status("old")).thenThrow(new WaiterExpired());

    Exchange unknown = api.get(Routes.EVENTS).query("token", "gone").send();
    Exchange expired = api.get(Routes.EVENTS).query("token", "old").send();
    Exchange missing = api.get(Routes.EVENTS).send();

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("TOKEN_NOT_FOUND");
    assertThat(expired.errorCode()).isEqualTo("TOKEN_EXPIRED");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("MISSING_TOKEN");
  }

  private HttpRequest events(String token) {
    return HttpRequest.newBuilder(base.resolve(Routes.EVENTS + "?token=" + token))
        .header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static List<String> eventNames(String body) {
    return body.lines()
        .filter(line -> line.startsWith("event:"))
        .map(line -> line.substring("event:".length()).trim())
        .toList();
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .collect(
            Collectors.toMap(
                e -> e.getKey().toLowerCase(java.util.Locale.ROOT), e -> e.getValue()));
  }
}
