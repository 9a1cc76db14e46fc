package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.queuegate.adapter.http.routing.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a real socket: the limits and errors Helidon applies before routing (a Content-Length over
 * the limit, a malformed request) still answer in the error envelope.
 */
@ServerTest
class HttpAdapterServerIT {
  private static final Fixtures FIX = new Fixtures();

  private final Api api;
  private final int port;

  HttpAdapterServerIT(Http1Client client, WebServer server) {
    this.api = new Api(client);
    this.port = server.port();
  }

  @SetUpServer
  static void server(WebServerConfig.Builder server) {
    FIX.adapter(true, List.of()).configure(server);
  }

  @BeforeEach
  void resetMocks() {
    FIX.reset();
  }

  @Test
  void healthz_answersOverTheSocket() {
    Exchange res = api.get(Routes.HEALTHZ).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("status").asText()).isEqualTo("healthy");
  }

  @Test
  void contentLengthOverTheServerCap_isRefusedBeforeRoutingWith413Envelope() throws IOException {
    String head =
        "POST /api/v1/queue/join HTTP/1.1\r\nHost: localhost\r\nX-Request-ID: big-1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n";

    String response = exchangeRaw(head);

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).containsIgnoringCase("X-Request-ID: big-1");
    assertThat(body(response))
        .isEqualTo(
            "{\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"request body is too large\","
                + "\"trace_id\":\"big-1\"}}");
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void bodyOverTheLimitButUnderTheCap_isReadToTheEndAndAnswered413OnAnOpenConnection()
      throws IOException {
    String body = "{\"event_id\":\"" + "a".repeat(20_000) + "\"}";
    String request =
        "POST /api/v1/queue/join HTTP/1.1\r\nHost: localhost\r\nX-Request-ID: big-2\r\n"
            + "Idempotency-Key: 6f1c2a57-1d7e-4a39-9a55-2d3f6f0c1b11\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body
            + "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    String response = exchangeRaw(request, "\"status\":\"healthy\"");

    // Both answers arrive on the one connection: the 413, then the next request's 200.
    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("HTTP/1.1 200");
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void malformedRequest_isAnsweredInTheEnvelope() throws IOException {
    String response = exchangeRaw("GET /healthz HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(body(response)).contains("\"code\":\"INVALID_REQUEST\"").contains("\"trace_id\":\"");
  }

  private String exchangeRaw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      // The server closes the connection after these errors, so reading to the end is bounded.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads until {@code marker} has arrived, for exchanges where the server keeps the socket. */
  private String exchangeRaw(String request, String marker) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      StringBuilder received = new StringBuilder();
      byte[] buffer = new byte[8192];
      int n;
      while (!received.toString().contains(marker) && (n = in.read(buffer)) > 0) {
        received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return received.toString();
    }
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }
}
