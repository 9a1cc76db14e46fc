package io.queuegate.adapter.redis;

import java.util.List;

/**
 * Low-level reads of a script reply (an array of strings, integers and nested arrays), for the
 * reply records that decode each script's reply in one place.
 */
final class Replies {
  private Replies() {}

  /** The first element: the outcome of scripts that answer with a tag. */
  static String tag(List<Object> reply) {
    return text(reply, 0);
  }

  static String text(List<Object> reply, int index) {
    Object value = reply.get(index);
    return value == null ? "" : value.toString();
  }

  /** The nested reply at {@code index} (a script answering one list per item). */
  @SuppressWarnings("unchecked")
  static List<Object> list(List<Object> reply, int index) {
    if (reply.get(index) instanceof List<?> nested) {
      return (List<Object>) nested;
    }
    throw new IllegalStateException("expected a nested reply at " + index + ": " + reply);
  }

  static long number(List<Object> reply, int index) {
    Object value = reply.get(index);
    if (value instanceof Long l) {
      return l;
    }
    // Sequences and scores may come back as strings (HGET, ZSCORE); ZSCORE may read "12" or "12.0".
    return (long) Double.parseDouble(value.toString());
  }

  static IllegalStateException unexpected(Script script, List<Object> reply) {
    return new IllegalStateException("unexpected " + script.label() + " reply " + reply);
  }
}
