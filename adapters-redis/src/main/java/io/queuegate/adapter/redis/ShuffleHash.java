package io.queuegate.adapter.redis;

import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's shuffle hash as read: {@code seed}, {@code public_value}, {@code opened_at} (ms) and
 * {@code entrants}; empty without a seed.
 */
final class ShuffleHash {
  private ShuffleHash() {}

  static Optional<ShuffleState> from(Map<String, String> f) {
    if (f == null || f.get("seed") == null) {
      return Optional.empty();
    }
    String openedAt = f.get("opened_at");
    String entrants = f.get("entrants");
    return Optional.of(
        new ShuffleState(
            new ShuffleSeed(f.get("seed")),
            Optional.ofNullable(f.get("public_value")),
            openedAt == null
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(openedAt))),
            entrants == null ? 0 : Long.parseLong(entrants)));
  }

  /** Decodes HGETALL's flat field, value list as a script returns it, from {@code from}. */
  static Optional<ShuffleState> fromList(List<Object> flat, int from) {
    Map<String, String> f = new HashMap<>();
    for (int i = from; i + 1 < flat.size(); i += 2) {
      f.put(Replies.text(flat, i), Replies.text(flat, i + 1));
    }
    return from(f);
  }
}
