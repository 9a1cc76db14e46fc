package io.queuegate.adapter.http.routing;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.port.in.RunOnceUseCase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Wraps a handler so it runs at most once per {@code Idempotency-Key} and route
 * (docs/design.md#idempotency). The fingerprint covers the raw body and the Authorization header,
 * so the same key with another body or another identity is a conflict rather than a replay of
 * somebody else's answer.
 */
public final class IdempotencyRoutes {
  static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
  static final String CACHED_HEADER = "X-Idempotency-Cached";
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final RunOnceUseCase idempotency;
  private final int maxBodyBytes;

  public IdempotencyRoutes(RunOnceUseCase idempotency, int maxBodyBytes) {
    this.idempotency = idempotency;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** {@code handler} behind the idempotency check of route scope {@code scope}. */
  public ReplyHandler around(String scope, BodyHandler handler) {
    BodyHandler checked = aroundRead(scope, handler);
    return req -> checked.handle(req, RequestBody.read(req, maxBodyBytes));
  }

  /**
   * The same for a body the caller has already read within the limit, having looked into it first
   * (for the waiting token that its rate limit is keyed by, say).
   */
  public BodyHandler aroundRead(String scope, BodyHandler handler) {
    return (req, body) -> {
      String key = idempotencyKey(req);
      String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
      IdempotencyOutcome outcome =
          idempotency.runOnce(
              scope,
              key,
              fingerprint(body, authorization),
              () -> StoredReply.of(handler.handle(req, body)));
      Reply reply = StoredReply.toReply(outcome.reply());
      return outcome.replayed() ? reply.withHeader(CACHED_HEADER, "true") : reply;
    };
  }

  private static String idempotencyKey(ServerRequest req) {
    String key = req.headers().first(IDEMPOTENCY_KEY).map(String::strip).orElse("");
    if (key.isEmpty()) {
      throw HttpError.idempotencyRequired();
    }
    if (!UUID.matcher(key).matches()) {
      throw HttpError.invalidIdempotencyKey();
    }
    // One UUID, one key, whatever the letter case the client used.
    return key.toLowerCase(Locale.ROOT);
  }

  static String fingerprint(byte[] body, String authorization) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // Length-prefixed parts, so no body/header split can collide with another.
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(body.length).array());
      sha.update(body);
      sha.update(authorization.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
