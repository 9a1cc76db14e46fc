package io.queuegate.it;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * An event's line feed as the test reads it straight from Redis (docs/design.md#feed), decoded here
 * without the product's parser and replayed: the first-come line and the pre-queue count after
 * every entry, so that a position the mirror gave at a version can be checked exactly.
 */
final class FeedHistory {
  /** Versions count milliseconds from 2024-01-01 in their upper bits. */
  static final long EPOCH_MS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  /** One decoded entry: its stream id, version, Redis time and changes. */
  record Entry(String id, long version, long writtenAtMs, String previous, List<String> changes) {}

  private final String key;
  private final List<Entry> entries = new ArrayList<>();
  private final List<long[]> lineAfter = new ArrayList<>();
  private final List<Long> preQueueAfter = new ArrayList<>();
  private final TreeSet<Long> line = new TreeSet<>();
  private long preQueue;
  private String lastId = "0-0";

  FeedHistory(String event) {
    this.key = "queue:event:{" + event + "}:feed";
  }

  /** The whole feed of {@code event} as Redis holds it now. */
  static FeedHistory read(RedisClusterCommands<String, String> redis, String event) {
    FeedHistory history = new FeedHistory(event);
    history.catchUp(redis);
    return history;
  }

  /** The stream's key. */
  String key() {
    return key;
  }

  /** Reads and replays the entries written since the last one read. */
  void catchUp(RedisClusterCommands<String, String> redis) {
    List<StreamMessage<String, String>> read =
        redis.xrange(key, Range.create(lastId.equals("0-0") ? "-" : lastId, "+"));
    for (StreamMessage<String, String> m : read) {
      if (!m.getId().equals(lastId)) {
        append(m.getId(), m.getBody().get("c"), m.getBody().get("p"));
      }
    }
  }

  private void append(String id, String changes, String previous) {
    long version = version(id);
    List<String> tokens = List.of(changes.trim().split(" +"));
    for (String token : tokens) {
      long n = Long.parseLong(token.substring(1));
      switch (token.charAt(0)) {
        case 'j' -> line.add(n);
        case 'l' -> line.remove(n);
        case 'q' -> preQueue++;
        case 'p' -> preQueue = Math.max(0, preQueue - 1);
        case 'o' -> {}
        // The line's sequence began again at that time: membership does not change.
        case 'r' -> {}
        default -> throw new IllegalStateException("unknown feed change " + token + " in " + id);
      }
    }
    entries.add(new Entry(id, version, Long.parseLong(id.split("-")[0]), previous, tokens));
    lineAfter.add(line.stream().mapToLong(Long::longValue).toArray());
    preQueueAfter.add(preQueue);
    lastId = id;
  }

  /** A stream id {@code ms-n} as a feed version: {@code (ms - 2024-01-01) << 22 | n}. */
  static long version(String id) {
    String[] parts = id.split("-");
    return ((Long.parseLong(parts[0]) - EPOCH_MS) << 22) | Long.parseLong(parts[1]);
  }

  /** The Redis time, in epoch ms, of the entry with {@code version}. */
  static long writtenAtMs(long version) {
    return (version >>> 22) + EPOCH_MS;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * The exact position of the first-come place {@code seq} as of {@code version}: pre-queue count
   * plus line sequences below it plus 1; empty when it was not waiting then.
   */
  OptionalLong positionAt(long version, long seq) {
    int at = lastAtOrBefore(version);
    if (at < 0) {
      return OptionalLong.empty();
    }
    int found = Arrays.binarySearch(lineAfter.get(at), seq);
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(preQueueAfter.get(at) + found + 1);
  }

  /** Whether {@code version} is the version of an entry read (or 0, before the first). */
  boolean isEntry(long version) {
    int at = lastAtOrBefore(version);
    return version == 0 || (at >= 0 && entries.get(at).version() == version);
  }

  /** The version of the newest entry Redis wrote before {@code epochMs}, 0 if none. */
  long newestWrittenBefore(long epochMs) {
    long newest = 0;
    for (Entry e : entries) {
      if (e.writtenAtMs() < epochMs) {
        newest = e.version();
      }
    }
    return newest;
  }

  /** The version of the entry that took {@code seq} out of the line, if one did. */
  OptionalLong leftAt(long seq) {
    for (Entry e : entries) {
      if (e.changes().contains("l" + seq)) {
        return OptionalLong.of(e.version());
      }
    }
    return OptionalLong.empty();
  }

  /** The version of the entry just before {@code version}, 0 for the first. */
  long before(long version) {
    int at = lastAtOrBefore(version - 1);
    return at < 0 ? 0 : entries.get(at).version();
  }

  private int lastAtOrBefore(long version) {
    int lo = 0;
    int hi = entries.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).version() <= version) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
