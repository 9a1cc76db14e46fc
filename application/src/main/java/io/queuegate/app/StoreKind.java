package io.queuegate.app;

import java.util.Locale;

/** Which store backs the service; chosen explicitly, never guessed from an address. */
public enum StoreKind {
  MEMORY,
  REDIS;

  static StoreKind parse(String raw) {
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("queuegate.store must be memory or redis, not: " + raw, e);
    }
  }
}
