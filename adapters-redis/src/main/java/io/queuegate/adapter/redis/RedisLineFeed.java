package io.queuegate.adapter.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedEntry;
import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.FeedGap;
import io.queuegate.domain.port.out.LineFeed;
import java.util.ArrayList;
import java.util.List;

/**
 * Line feeds in Redis (docs/design.md#feed): one STREAM per event, written by the line scripts. All
 * three reads go to the slot's primary: a lagging replica would show an older feed than the page
 * read after it, or look like a gap to a reader that had read further on the primary.
 */
final class RedisLineFeed implements LineFeed {
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;

  RedisLineFeed(RedisLink link, RedisCalls calls, ScriptRunner scripts) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
  }

  @Override
  public FeedHead head(EventId eventId) {
    RedisKeys keys = new RedisKeys(eventId);
    List<Object> reply =
        scripts.run(
            Script.FEED_HEAD,
            List.of(keys.feed(), keys.preQueue(), keys.preQueueUnscored()),
            List.of());
    return new FeedHead(FeedIds.version(Replies.text(reply, 0)), Replies.number(reply, 1));
  }

  @Override
  public LinePage page(EventId eventId, long afterSequence, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a page holds at least one sequence");
    }
    String key = new RedisKeys(eventId).position();
    List<ScoredValue<String>> members =
        calls.await(
            link.slotOwner(key)
                .zrangebyscoreWithScores(
                    key,
                    Range.from(Range.Boundary.excluding(afterSequence), Range.Boundary.unbounded()),
                    Limit.create(0, max)));
    long[] sequences = new long[members.size()];
    for (int i = 0; i < sequences.length; i++) {
      sequences[i] = (long) members.get(i).getScore();
    }
    return new LinePage(sequences, sequences.length < max);
  }

  @Override
  public FeedBatch read(EventId eventId, long after, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a read takes at least one entry");
    }
    List<Object> reply =
        scripts.run(
            Script.FEED_READ,
            List.of(new RedisKeys(eventId).feed()),
            List.of(FeedIds.id(after), Integer.toString(max)));
    String lastId = Replies.text(reply, 0);
    if (lastId.isEmpty()) {
      if (after > 0) {
        throw new FeedGap("the feed is gone; it was read up to " + after);
      }
      return FeedBatch.EMPTY;
    }
    long last = FeedIds.version(lastId);
    if (last < after) {
      throw new FeedGap("the feed ends at " + last + ", before " + after);
    }
    if (reply.size() == 1) {
      return FeedBatch.EMPTY;
    }
    if (FeedIds.version(Replies.text(reply, 3)) != after) {
      throw new FeedGap("the feed no longer holds the entries after " + after);
    }
    List<FeedEntry> entries = new ArrayList<>((reply.size() - 1) / 3);
    for (int i = 1; i + 2 < reply.size(); i += 3) {
      long version = FeedIds.version(Replies.text(reply, i));
      entries.add(
          new FeedEntry(
              version, FeedIds.writtenAt(version), FeedCodec.decode(Replies.text(reply, i + 1))));
    }
    return new FeedBatch(entries);
  }
}
