package io.queuegate.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.queuegate.domain.model.EventId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads what the verifier needs from a queuegate service's public routes: the log page by page, the
 * shuffle's commitment, and the JWK set the receipts are signed with.
 */
final class ServiceClient implements AutoCloseable {
  private static final int PAGE = 1_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final HttpClient http;

  ServiceClient(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Every record of the event's log, from the first, as the pages hold them. */
  ArrayNode log(EventId eventId) throws IOException, InterruptedException {
    ArrayNode all = LogJson.MAPPER.createArrayNode();
    long after = 0;
    while (true) {
      JsonNode page =
          get(eventPath(eventId) + "/log?after=" + after + "&limit=" + PAGE)
              .orElseThrow(() -> new IOException("the log route answered 404"));
      JsonNode records = page.path("records");
      records.forEach(all::add);
      if (records.size() < PAGE) {
        return all;
      }
      after = page.path("next_after").asLong();
    }
  }

  /** The seed commitment the shuffle route publishes, or empty for an event without one. */
  Optional<String> commitment(EventId eventId) throws IOException, InterruptedException {
    return get(eventPath(eventId) + "/shuffle").map(s -> s.path("commitment").asText(null));
  }

  /** The service's JWK set (its public keys). */
  String jwks() throws IOException, InterruptedException {
    return get("/.well-known/jwks.json")
        .orElseThrow(() -> new IOException("no JWK set at /.well-known/jwks.json"))
        .toString();
  }

  private String eventPath(EventId eventId) {
    return "/api/v1/events/" + URLEncoder.encode(eventId.value(), StandardCharsets.UTF_8);
  }

  private Optional<JsonNode> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return Optional.of(LogJson.parse(response.body()));
  }

  @Override
  public void close() {
    http.close();
  }
}
