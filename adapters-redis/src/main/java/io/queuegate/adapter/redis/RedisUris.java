package io.queuegate.adapter.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;

/** Turns the configured node strings into lettuce URIs with the password, TLS and timeout. */
final class RedisUris {
  // The URI's timeout bounds the connection handshake (and topology reads), not the commands:
  // those are cut by TimeoutOptions at the command timeout. A budget tuned below a slow link's
  // latency must not also make every (re)connect fail, or the service could neither start nor
  // reconnect until the link is fast again.
  private static final Duration HANDSHAKE_FLOOR = Duration.ofSeconds(2);

  private RedisUris() {}

  static RedisURI of(String node, RedisSettings settings) {
    RedisURI.Builder builder;
    if (node.contains("://")) {
      builder = RedisURI.builder(RedisURI.create(node));
    } else {
      int colon = node.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("a Redis node is host:port or a redis:// URI");
      }
      builder =
          RedisURI.Builder.redis(
              node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)));
    }
    settings.password().ifPresent(secret -> builder.withPassword(secret.toCharArray()));
    if (settings.tls()) {
      builder.withSsl(true);
    }
    Duration timeout = settings.commandTimeout();
    return builder
        .withTimeout(timeout.compareTo(HANDSHAKE_FLOOR) < 0 ? HANDSHAKE_FLOOR : timeout)
        .build();
  }
}
