package io.queuegate.adapter.redis;

import io.lettuce.core.RedisURI;

/** Turns the configured node strings into lettuce URIs with the password, TLS and timeout. */
final class RedisUris {
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
          RedisURI.Builder.redis(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)));
    }
    settings.password().ifPresent(secret -> builder.withPassword(secret.toCharArray()));
    if (settings.tls()) {
      builder.withSsl(true);
    }
    return builder.withTimeout(settings.commandTimeout()).build();
  }
}
