package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Opening;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.port.out.PreQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Pre-queues in Redis (docs/redis.md#pre-queue): the shuffle hash, the scored and unscored sets of
 * entrants, all on the event's slot. Reads go to the slot's primary: a lagging replica would only
 * make the opening score entrants twice.
 */
final class RedisPreQueue implements PreQueue {
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final String feedLength;

  RedisPreQueue(RedisLink link, RedisCalls calls, ScriptRunner scripts, RedisSettings settings) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.feedLength = Script.feedLength(settings);
  }

  @Override
  public Optional<ShuffleState> shuffle(EventId eventId) {
    String key = new RedisKeys(eventId).shuffle();
    return ShuffleHash.from(calls.await(link.slotOwner(key).hgetall(key)));
  }

  @Override
  public ShuffleState seal(EventId eventId, ShuffleSeed candidate) {
    List<Object> reply =
        scripts.run(
            Script.SHUFFLE_SEAL,
            List.of(new RedisKeys(eventId).shuffle()),
            List.of(candidate.hex()));
    return ShuffleHash.fromList(reply, 0).orElseThrow();
  }

  @Override
  public ShuffleState setPublicValue(EventId eventId, String publicValue) {
    List<Object> reply =
        scripts.run(
            Script.SHUFFLE_VALUE, List.of(new RedisKeys(eventId).shuffle()), List.of(publicValue));
    return switch (Replies.tag(reply)) {
      case "stored" -> ShuffleHash.fromList(reply, 1).orElseThrow();
      case "missing" -> throw new ShuffleNotFound();
      case "opened" ->
          throw new ShuffleLocked("the sale has opened; the public value can no longer be set");
      case "other" -> throw new ShuffleLocked("another public value was set before");
      default -> throw Replies.unexpected(Script.SHUFFLE_VALUE, reply);
    };
  }

  @Override
  public List<EntrantId> unscored(EventId eventId, int limit) {
    String key = new RedisKeys(eventId).preQueueUnscored();
    List<String> ids = calls.await(link.slotOwner(key).zrange(key, 0, limit - 1L));
    return ids.stream().map(EntrantId::new).toList();
  }

  @Override
  public void score(EventId eventId, Collection<ScoredEntrant> scores) {
    if (scores.isEmpty()) {
      return;
    }
    RedisKeys keys = new RedisKeys(eventId);
    List<String> args = new ArrayList<>(2 * scores.size());
    for (ScoredEntrant scored : scores) {
      args.add(scored.entrant().value());
      args.add(Long.toString(scored.score()));
    }
    scripts.run(Script.SHUFFLE_SCORE, List.of(keys.preQueue(), keys.preQueueUnscored()), args);
  }

  /**
   * The opening's log record reveals the effective key, which Lua cannot compute: the key is worked
   * out here from the shuffle as read, and the script refuses it ('stale') if the public value
   * changed in between; the value is set once, so a second try always holds.
   */
  @Override
  public Opening open(EventId eventId, Instant now) {
    RedisKeys keys = new RedisKeys(eventId);
    for (int attempt = 0; ; attempt++) {
      ShuffleState state = shuffle(eventId).orElseThrow(ShuffleNotFound::new);
      List<Object> reply =
          scripts.run(
              Script.SHUFFLE_OPEN,
              List.of(
                  keys.shuffle(),
                  keys.preQueue(),
                  keys.preQueueUnscored(),
                  keys.log(),
                  keys.feed()),
              List.of(
                  Long.toString(now.toEpochMilli()),
                  state.key().hex(),
                  state.publicValue().orElse(""),
                  feedLength));
      switch (Replies.tag(reply)) {
        case "opened" -> {
          return Opening.opened(Instant.ofEpochMilli(Replies.number(reply, 1)));
        }
        case "unscored" -> {
          return Opening.unscored(Replies.number(reply, 1));
        }
        case "missing" -> throw new ShuffleNotFound();
        case "stale" -> {
          if (attempt > 0) {
            throw Replies.unexpected(Script.SHUFFLE_OPEN, reply);
          }
        }
        default -> throw Replies.unexpected(Script.SHUFFLE_OPEN, reply);
      }
    }
  }
}
