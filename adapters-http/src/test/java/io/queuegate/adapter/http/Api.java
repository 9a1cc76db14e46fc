package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.queuegate.adapter.http.routing.Routes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends requests to the adapter and checks every response against the OpenAPI document, so no test
 * can see a response the contract does not allow.
 */
final class Api {
  private final Http1Client client;

  Api(Http1Client client) {
    this.client = client;
  }

  Request get(String path) {
    return new Request("GET", path);
  }

  Request post(String path) {
    return new Request("POST", path);
  }

  Request put(String path) {
    return new Request("PUT", path);
  }

  Request delete(String path) {
    return new Request("DELETE", path);
  }

  Request method(String method, String path) {
    return new Request(method, path);
  }

  /** A request being built. */
  final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Request query(String name, String value) {
      query.put(name, value);
      return this;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Request idempotencyKey() {
      return header("Idempotency-Key", java.util.UUID.randomUUID().toString());
    }

    Exchange send() {
      return send((byte[]) null);
    }

    Exchange send(String body) {
      return send(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends {@code body} chunked, without a Content-Length, as a streaming client would. */
    Exchange sendChunked(byte[] body) {
      return send(body, true);
    }

    Exchange send(byte[] body) {
      return send(body, false);
    }

    private Exchange send(byte[] body, boolean chunked) {
      Http1ClientRequest request =
          client.method(Method.create(method)).path(path).followRedirects(false);
      query.forEach(request::queryParam);
      headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
      if (body != null && !headers.containsKey("Content-Type")) {
        request.header(HeaderNames.CONTENT_TYPE, "application/json");
      }
      Exchange exchange =
          read(
              body == null
                  ? request.request()
                  : chunked
                      ? request.outputStream(
                          out -> {
                            out.write(body);
                            out.close();
                          })
                      : request.submit(body));
      OpenApiContract.assertConforms(method, path, exchange);
      assertThat(exchange.header("X-Request-ID")).as("X-Request-ID on every response").isNotBlank();
      if (exchange.status() >= 400 && !path.equals(Routes.READYZ) && !isGateAnswer(exchange)) {
        assertThat(exchange.json().path("error").path("trace_id").asText())
            .isEqualTo(exchange.header("X-Request-ID"));
      }
      assertThat(exchange.body()).doesNotContain("Exception").doesNotContain("\tat ");
      return exchange;
    }
  }

  /** The gate's answers to a proxy, and its pages for people, are not errors of the API. */
  private static boolean isGateAnswer(Exchange exchange) {
    String type = exchange.header("Content-Type");
    return exchange.header("X-Queuegate-Decision") != null
        || (type != null && type.startsWith("text/html"));
  }

  private static Exchange read(HttpClientResponse response) {
    try (response) {
      Map<String, List<String>> headers = new TreeMap<>();
      response
          .headers()
          .forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), List.copyOf(h.allValues())));
      String body = response.entity().hasEntity() ? response.as(String.class) : "";
      return new Exchange(response.status().code(), headers, body);
    }
  }
}
