package io.queuegate.adapter.redis;

import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.Place;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the changes of one feed entry (docs/design.md#feed): space-separated tokens, a letter and a
 * number each: {@code j} first-come join, {@code q} pre-queue join, {@code l} a first-come waiter
 * left, {@code p} a pre-queue entrant left, {@code o} the pre-queue opened with that many entrants.
 * lib_feed.lua writes them.
 */
final class FeedCodec {
  private FeedCodec() {}

  static List<LineChange> decode(String text) {
    List<LineChange> changes = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf(' ', at);
      if (end < 0) {
        end = text.length();
      }
      if (end > at) {
        changes.add(change(text.charAt(at), Long.parseLong(text, at + 1, end, 10)));
      }
      at = end + 1;
    }
    return changes;
  }

  private static LineChange change(char kind, long number) {
    return switch (kind) {
      case 'j' -> new LineChange.Joined(number);
      case 'q' -> new LineChange.JoinedPreQueue(number);
      case 'l' -> new LineChange.Left(Place.line(number));
      case 'p' -> new LineChange.Left(Place.preQueue(number));
      case 'o' -> new LineChange.Opened(number);
      default -> throw new IllegalStateException("unknown feed token " + kind + number);
    };
  }
}
