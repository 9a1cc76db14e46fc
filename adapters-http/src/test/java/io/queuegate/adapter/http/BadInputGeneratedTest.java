package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.AdmissionGrant;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventOverview;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.JoinCommand;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hundreds of generated malformed requests: none may get a 5xx, every error must be the enveloped
 * contract, and no use case may ever see an event id outside the allowed alphabet.
 *
 * <p>Each case is drawn from its own seed, shown in the case's name, so {@code new
 * MalformedRequests(seed).next()} rebuilds a failing request exactly.
 */
class BadInputGeneratedTest {
  private static final long MASTER_SEED = 20250101L;
  private static final int CASES = 400;
  private static final Pattern VALID_EVENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // Not registered as an extension: the stubs stay for every case, and the calls add up.
  private static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final Api API = stubbedApi();

  /** One generated request. */
  record BadRequest(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {
    Exchange send() {
      Api.Request request = API.method(method, path);
      query.forEach(request::query);
      headers.forEach(request::header);
      return body == null ? request.send() : request.send(body);
    }

    /** A short label for the case name; the full request appears in assertion messages. */
    String summary() {
      String shortPath = path.length() <= 60 ? path : path.substring(0, 60) + "...";
      return method + " " + shortPath + (body == null ? "" : " (" + body.length() + "-char body)");
    }
  }

  static Stream<Arguments> malformedRequests() {
    return new Random(MASTER_SEED)
        .longs(CASES)
        .mapToObj(
            seed -> {
              BadRequest request = new MalformedRequests(seed).next();
              return Arguments.of(seed, Named.of(request.summary(), request));
            });
  }

  @ParameterizedTest(name = "seed={0}: {1}")
  @MethodSource("malformedRequests")
  void malformedRequest_neverFailsTheServerAndNeverLeaksBadEventIds(long seed, BadRequest request) {
    Exchange res = request.send();

    assertThat(res.status()).as("seed %d: %s", seed, request).isLessThan(500);
    if (res.status() >= 400) {
      assertThat(res.json().path("error").path("code").asText())
          .as("seed %d: error code", seed)
          .isNotBlank();
    }
    assertThat(eventIdsSeenByUseCases())
        .as("seed %d: event ids reaching use cases", seed)
        .allMatch(id -> VALID_EVENT.matcher(id).matches());
  }

  /** Draws one malformed request from a seed: broken JSON, wrong types and hostile text. */
  static final class MalformedRequests {
    private static final String EVENT_ID_CHARS = "{}*: \t\nab.-_";
    private static final List<String> FIELDS =
        List.of(
            "event_id", "waiting_token", "reservation_token", "user_id", "consume", "ready_window");
    private static final List<String> WRONG_TYPES =
        List.of("1", "-1", "1.5", "true", "null", "[]", "{}", "[\"a\"]");
    private static final List<String> BROKEN_JSON =
        List.of("[]", "null", "42", "\"str\"", "{", "{\"event_id\":\"a\"", "{}", "", "{\"a\":1}{}");
    private static final List<String> ODD_EVENT_IDS =
        List.of("", " ", "concert", "a{b}", "a:b", "*", "日本", "a b");
    private static final List<String> ODD_TOKENS =
        List.of("", "~", "a~b", "concert~" + "x".repeat(22));
    private static final List<String> ODD_KEYS =
        List.of("", "00000000-0000-0000-0000-00000000000g", "123e4567-e89b-12d3-a456-426614174000");
    private static final List<String> ODD_AUTHORIZATIONS =
        List.of("Bearer", "Bearer  ", "bearer x.y.z", "Basic abc");
    private static final List<String> ODD_NUMBERS = List.of("-5", "1e99", "true", "\"x\"");

    private final Random random;

    MalformedRequests(long seed) {
      this.random = new Random(seed);
    }

    BadRequest next() {
      return switch (random.nextInt(7)) {
        case 0 -> post(Routes.JOIN, headers(idempotencyKey(), authorization()), this::eventId);
        case 1 -> post(Routes.ENTER, headers(idempotencyKey(), null), this::token);
        case 2 -> post(Routes.VERIFY, Map.of(), this::token);
        case 3 -> post(Routes.LEAVE, Map.of(), this::token);
        case 4 -> new BadRequest("GET", Routes.STATUS, Map.of("token", token()), Map.of(), null);
        case 5 ->
            new BadRequest(
                "PUT", "/api/v1/admin/events/concert", Map.of(), admin(), body(this::number));
        default ->
            new BadRequest(
                "GET", "/api/v1/admin/events/" + pathSegment(eventId()), Map.of(), admin(), null);
      };
    }

    private BadRequest post(String path, Map<String, String> headers, Supplier<String> value) {
      return new BadRequest("POST", path, Map.of(), headers, body(value));
    }

    /** Broken JSON, wrong shapes, wrong types and oversized bodies around a field value. */
    private String body(Supplier<String> value) {
      return switch (random.nextInt(5)) {
        case 0 -> anyText(200);
        case 1 -> "{\"" + pick(FIELDS) + "\":\"" + jsonEscape(value.get()) + "\"}";
        case 2 ->
            "{\""
                + pick(FIELDS)
                + "\":"
                + pick(WRONG_TYPES)
                + ",\"event_id\":\"ok\","
                + "\"waiting_token\":\"t\"}";
        case 3 -> pick(BROKEN_JSON);
        // Around the 8 KiB body limit, on both sides of it.
        default -> "{\"event_id\":\"" + "x".repeat(between(8000, 12000)) + "\"}";
      };
    }

    private String eventId() {
      return switch (random.nextInt(4)) {
        case 0 -> text(between(1, 20), () -> EVENT_ID_CHARS.charAt(between(0, 11)));
        case 1 -> anyText(80);
        case 2 -> text(between(65, 300), () -> between('a', 'z'));
        default -> pick(ODD_EVENT_IDS);
      };
    }

    private String token() {
      return random.nextBoolean() ? anyText(100) : pick(ODD_TOKENS);
    }

    private String number() {
      return random.nextBoolean()
          ? text(between(0, 30), () -> between('0', '9'))
          : pick(ODD_NUMBERS);
    }

    private String idempotencyKey() {
      return random.nextBoolean() ? text(between(0, 60), () -> between('!', '~')) : pick(ODD_KEYS);
    }

    /** Null (no header) three times in ten, as a missing header is the commonest mistake. */
    private String authorization() {
      if (random.nextInt(10) < 3) {
        return null;
      }
      return random.nextBoolean()
          ? text(between(0, 60), () -> between(' ', '~'))
          : pick(ODD_AUTHORIZATIONS);
    }

    /** Controls, ASCII, the rest of the BMP (lone surrogates too) and code points beyond it. */
    private String anyText(int maxLength) {
      IntSupplier codePoint =
          () ->
              switch (random.nextInt(3)) {
                case 0 -> between(0, 0x7F);
                case 1 -> between(0x80, 0xFFFF);
                default -> between(0x10000, Character.MAX_CODE_POINT);
              };
      return text(between(0, maxLength), codePoint);
    }

    private String text(int length, IntSupplier codePoint) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < length; i++) {
        out.appendCodePoint(codePoint.getAsInt());
      }
      return out.toString();
    }

    private int between(int min, int max) {
      return min + random.nextInt(max - min + 1);
    }

    private String pick(List<String> values) {
      return values.get(random.nextInt(values.size()));
    }

    private static String pathSegment(String raw) {
      return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> headers(String idempotencyKey, String authorization) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (!idempotencyKey.isEmpty()) {
        headers.put("Idempotency-Key", idempotencyKey);
      }
      if (authorization != null && !authorization.isBlank()) {
        headers.put("Authorization", authorization);
      }
      return headers;
    }

    private static Map<String, String> admin() {
      return Map.of("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN);
    }

    private static String jsonEscape(String raw) {
      StringBuilder out = new StringBuilder();
      raw.codePoints()
          .forEach(
              c -> {
                if (c == '"' || c == '\\') {
                  out.append('\\').appendCodePoint(c);
                } else if (c < 0x20) {
                  out.append(String.format("\\u%04x", c));
                } else {
                  out.appendCodePoint(c);
                }
              });
      return out.toString();
    }
  }

  private static List<String> eventIdsSeenByUseCases() {
    return Stream.of(
            FIX.useCases.join(),
            FIX.useCases.configure(),
            FIX.useCases.describe(),
            FIX.useCases.pause(),
            FIX.useCases.delete())
        .flatMap(mock -> mockingDetails(mock).getInvocations().stream())
        .flatMap(call -> Stream.of(call.getArguments()))
        .map(
            arg ->
                switch (arg) {
                  case EventId id -> id.value();
                  case JoinCommand command -> command.eventId().value();
                  default -> null;
                })
        .filter(Objects::nonNull)
        .toList();
  }

  private static Api stubbedApi() {
    FIX.reset();
    WaitingToken token = new WaitingToken(new EventId("concert"), WaiterId.random());
    when(FIX.useCases.join().join(any())).thenReturn(Answers.receipt(token, 1, 2, 1000));
    when(FIX.useCases.status().status(anyString())).thenReturn(Answers.status(1, 2, 3, true, 1000));
    when(FIX.useCases.enter().enter(anyString()))
        .thenReturn(new AdmissionGrant("h.p.s", 300, Instant.parse("2025-01-01T00:00:00Z")));
    when(FIX.useCases.verify().verify(anyString(), anyBoolean()))
        .thenThrow(new InvalidAdmissionToken("malformed"));
    when(FIX.useCases.configure().configure(any(), any())).thenReturn(QueuePolicy.defaults());
    when(FIX.useCases.describe().describe(any()))
        .thenAnswer(
            call ->
                new EventOverview(
                    call.getArgument(0),
                    QueuePolicy.defaults(),
                    false,
                    new EventStats(0, 0, 0, 0, 0, 0, Optional.empty()),
                    0,
                    0));
    return FIX.api();
  }
}
