package io.queuegate.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded generator of malformed requests: broken JSON, wrong types, huge and unicode strings,
 * event ids with {@code { } * :} and whitespace, bad UUIDs, oversized bodies. The same seed gives
 * the same requests, so any failure can be replayed.
 */
final class MalformedRequests {
  private static final List<String> ROUTES =
      List.of(
          "POST /api/v1/queue/join",
          "POST /api/v1/queue/enter",
          "POST /api/v1/queue/leave",
          "POST /api/v1/admission/verify",
          "GET /api/v1/queue/status?token=",
          "DELETE /api/v1/queue/leave?token=",
          "POST /api/v1/queue/leave?token=");
  private static final List<String> FIELDS =
      List.of("event_id", "user_id", "waiting_token", "reservation_token", "consume", "x");
  private static final List<String> BROKEN =
      List.of(
          "{",
          "}",
          "[]",
          "null",
          "\"s\"",
          "{\"event_id\":}",
          "{'a':1}",
          "",
          "{\"a\"",
          "{\"a\":1,}");
  private static final List<String> ODD_VALUES =
      List.of("true", "null", "[]", "{}", "1.5e300", "-0", "[\"a\"]", "9223372036854775808");

  /** One malformed request. */
  record Attempt(String method, String path, byte[] body, String idempotencyKey) {
    @Override
    public String toString() {
      String s = new String(body, StandardCharsets.UTF_8);
      String preview = s.length() > 120 ? s.substring(0, 120) + "...(" + body.length + " B)" : s;
      return method + " " + path + " key=" + idempotencyKey + " body=" + preview;
    }
  }

  private final Random random;
  private final List<String> junkSeeds;

  MalformedRequests(long seed, String protectedEvent) {
    this.random = new Random(seed);
    this.junkSeeds =
        List.of(
            "{" + protectedEvent + "}",
            protectedEvent + "*",
            protectedEvent + ":x",
            "a:b",
            " ",
            "a b",
            "\u0000",
            "e\u202e",
            "\u00e9v\u00e9nement",
            "\uD83C\uDF9F\uFE0F",
            "x".repeat(65),
            protectedEvent + "~AAAAAAAAAAAAAAAAAAAAAA",
            "not-a-token");
  }

  Attempt next() {
    String[] route = pick(ROUTES).split(" ");
    String path = route[1].endsWith("=") ? route[1] + Api.encode(junk()) : route[1];
    return new Attempt(route[0], path, body().getBytes(StandardCharsets.UTF_8), key());
  }

  private String body() {
    return switch (random.nextInt(4)) {
      case 0 -> "{\"" + pick(FIELDS) + "\":" + jsonValue() + "}";
      case 1 -> pick(BROKEN);
      case 2 -> "{\"event_id\":\"" + "a".repeat(8 * 1024 + 1 + random.nextInt(56 * 1024)) + "\"}";
      default -> anyString(300);
    };
  }

  private String jsonValue() {
    return switch (random.nextInt(3)) {
      case 0 -> String.valueOf(random.nextInt());
      case 1 -> pick(ODD_VALUES);
      default -> "\"" + junk().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    };
  }

  private String junk() {
    return switch (random.nextInt(3)) {
      case 0 -> pick(junkSeeds);
      case 1 -> anyString(200);
      default -> fromAlphabet("{}*:~ \t.-_aZ9", 80);
    };
  }

  private String key() {
    return switch (random.nextInt(4)) {
      case 0 -> UUID.randomUUID().toString();
      case 1 -> anyString(60);
      case 2 -> fromAlphabet("0123456789abcdef-", 40);
      default -> null;
    };
  }

  /** Any code points, controls and astral planes included (unpaired surrogates excluded). */
  private String anyString(int maxLength) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    while (b.length() < length) {
      int cp = random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10FFFF);
      if (cp < 0xD800 || cp > 0xDFFF) {
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }

  private String fromAlphabet(String alphabet, int maxLength) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
