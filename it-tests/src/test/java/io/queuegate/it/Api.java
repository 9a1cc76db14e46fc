package io.queuegate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuegate.adapter.redis.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A small client of queuegate's HTTP API, as the old web client and an operator use it. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String adminToken;

  Api(URI base, String adminToken) {
    this.base = base;
    this.adminToken = adminToken;
  }

  /** The service's address, for clients of its own such as event-stream readers. */
  URI base() {
    return base;
  }

  /** One answer: status, parsed JSON body (null when empty or not JSON) and raw headers. */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String errorCode() {
      return body == null ? null : body.path("error").path("code").asText(null);
    }
  }

  Reply join(String eventId) {
    return join(eventId, UUID.randomUUID().toString());
  }

  /** A join under a given key, so a retry after a lost answer cannot take a second place. */
  Reply join(String eventId, String idempotencyKey) {
    return send(
        post("/api/v1/queue/join", "{\"event_id\":\"" + eventId + "\",\"user_id\":\"anonymous\"}")
            .header("Idempotency-Key", idempotencyKey)
            .header("X-Trace-Id", "it-" + UUID.randomUUID()));
  }

  /** A join carrying {@code proofOfWork} in the X-Proof-Of-Work header. */
  Reply joinWithProofOfWork(String eventId, String proofOfWork) {
    return send(
        post("/api/v1/queue/join", "{\"event_id\":\"" + eventId + "\"}")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("X-Proof-Of-Work", proofOfWork));
  }

  /** A join carrying {@code captchaToken} in the X-Captcha-Token header. */
  Reply joinWithCaptcha(String eventId, String captchaToken) {
    return send(
        post("/api/v1/queue/join", "{\"event_id\":\"" + eventId + "\"}")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("X-Captcha-Token", captchaToken));
  }

  /**
   * Joins, retrying under the same key while the answer is a 503 (or a 409 of the first try still
   * running), for up to {@code limit}: setup that must not fail on a busy machine.
   */
  Reply joinSurely(String eventId, Duration limit) {
    String key = UUID.randomUUID().toString();
    return Await.until(
        limit, "a 202 for a join of " + eventId, () -> join(eventId, key), r -> r.status() == 202);
  }

  Reply status(String token) {
    return send(request("/api/v1/queue/status?token=" + encode(token)).GET());
  }

  Reply enter(String token) {
    return send(
        post("/api/v1/queue/enter", "{\"waiting_token\":\"" + token + "\"}")
            .header("Idempotency-Key", UUID.randomUUID().toString()));
  }

  Reply leave(String token) {
    return send(request("/api/v1/queue/leave?token=" + encode(token)).DELETE());
  }

  Reply verify(String reservationToken, boolean consume) {
    return send(
        post(
            "/api/v1/admission/verify",
            "{\"reservation_token\":\"" + reservationToken + "\",\"consume\":" + consume + "}"));
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  /** The Content-Security-Policy of the event's waiting page, empty when it sends none. */
  String waitingPageCsp(String eventId) {
    return get("/wait/" + eventId).raw().headers().firstValue("Content-Security-Policy").orElse("");
  }

  Reply adminGet(String eventId) {
    return send(admin(request("/api/v1/admin/events/" + eventId).GET()));
  }

  Reply adminPut(String eventId, String policyJson) {
    return send(
        admin(
            request("/api/v1/admin/events/" + eventId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(policyJson))));
  }

  /** Supplies a scheduled sale's public value (docs/fairness.md#order). */
  Reply adminPutPublicValue(String eventId, String publicValue) {
    return send(
        admin(
            request("/api/v1/admin/events/" + eventId + "/shuffle/public-value")
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"public_value\":\"" + publicValue + "\"}"))));
  }

  /** Sends raw bytes with the given method and headers, for malformed-input tests. */
  Reply raw(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder b =
        request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  private HttpRequest.Builder admin(HttpRequest.Builder b) {
    return b.header("Authorization", "Bearer " + adminToken);
  }

  private HttpRequest.Builder post(String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), parse(r.body()), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
