package io.queuegate.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Checks status answers against the feed read from Redis (docs/design.md#line-mirror): a mirror
 * answer is the exact position at its version, no older than the staleness bound allows, and one
 * waiter polled at least a bound apart never sees its position rise.
 */
final class MirrorAudit {
  /** Clock reading and Redis millisecond rounding on one machine. */
  static final long SLACK_MS = 100;

  private final FeedHistory feed;
  private final long boundMs;

  MirrorAudit(FeedHistory feed, long boundMs) {
    this.feed = feed;
    this.boundMs = boundMs;
  }

  /** Mirror answers whose position is not the line's at their version. */
  List<String> wrongPositions(List<StatusAnswer> answers) {
    List<String> wrong = new ArrayList<>();
    for (StatusAnswer a : answers) {
      OptionalLong v = a.mirrorVersion();
      if (v.isEmpty()) {
        continue;
      }
      OptionalLong exact = feed.positionAt(v.getAsLong(), a.seq());
      if (!feed.isEntry(v.getAsLong()) || exact.isEmpty() || exact.getAsLong() != a.position()) {
        wrong.add(a + " expected " + exact + (feed.isEntry(v.getAsLong()) ? "" : " (no entry)"));
      }
    }
    return wrong;
  }

  /**
   * Mirror answers older than the bound allows: asked at t with a version below the newest entry
   * Redis wrote before t - bound - slack.
   */
  List<String> staleAnswers(List<StatusAnswer> answers) {
    List<String> stale = new ArrayList<>();
    for (StatusAnswer a : answers) {
      OptionalLong v = a.mirrorVersion();
      if (v.isEmpty()) {
        continue;
      }
      long newest = feed.newestWrittenBefore(a.sentAtMs() - boundMs - SLACK_MS);
      if (v.getAsLong() < newest) {
        stale.add(a + " older than version " + newest);
      }
    }
    return stale;
  }

  /** Consecutive answers to one waiter, at least a bound apart, whose position rose. */
  List<String> rises(List<StatusAnswer> answers) {
    List<String> rises = new ArrayList<>();
    forSpacedPairs(
        answers,
        (earlier, later) -> {
          if (later.position() > earlier.position()) {
            rises.add(earlier + " then " + later);
          }
        });
    return rises;
  }

  /** How many pairs of answers {@link #rises} compared. */
  long spacedPairs(List<StatusAnswer> answers) {
    long[] n = {0};
    forSpacedPairs(answers, (a, b) -> n[0]++);
    return n[0];
  }

  private void forSpacedPairs(
      List<StatusAnswer> answers, java.util.function.BiConsumer<StatusAnswer, StatusAnswer> pair) {
    Map<Long, List<StatusAnswer>> byWaiter =
        answers.stream()
            .filter(a -> a.status() == 200)
            .collect(Collectors.groupingBy(StatusAnswer::seq));
    for (List<StatusAnswer> own : byWaiter.values()) {
      List<StatusAnswer> sorted =
          own.stream().sorted(Comparator.comparingLong(StatusAnswer::sentAtMs)).toList();
      for (int i = 1; i < sorted.size(); i++) {
        StatusAnswer earlier = sorted.get(i - 1);
        StatusAnswer later = sorted.get(i);
        if (later.sentAtMs() - earlier.receivedAtMs() >= boundMs + SLACK_MS) {
          pair.accept(earlier, later);
        }
      }
    }
  }
}
