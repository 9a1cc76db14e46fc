package io.queuegate.adapter.redis;

import io.lettuce.core.RedisFuture;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.EventPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Per-event policies as one HASH per event, field by field ({@link PolicyHash}). One HSET writes
 * every field, so readers never see half a policy. A configured event keeps its counters: saving a
 * policy makes them persistent, deleting it lets them expire once the line is empty. An update is
 * optimistic: it reads the hash from the primary, applies the change and writes through {@code
 * policy_swap.lua} only if the hash's version is still the one it read; on a conflict it waits a
 * random, growing moment, then reads and applies the change again.
 */
final class RedisEventPolicies implements EventPolicies {
  /** Tries of one update before it gives up to concurrent ones (each costs two round trips). */
  static final int MAX_TRIES = 40;

  // Random pauses between tries spread writers that keep colliding; they double up to this, so a
  // hopeless update gives up within about two seconds.
  private static final long MAX_BACKOFF_MILLIS = 50;

  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final Housekeeping housekeeping;

  RedisEventPolicies(
      RedisLink link, RedisCalls calls, ScriptRunner scripts, Housekeeping housekeeping) {
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.housekeeping = housekeeping;
  }

  @Override
  public Optional<QueuePolicy> find(EventId eventId) {
    RedisKeys keys = new RedisKeys(eventId);
    String key = keys.policy();
    return PolicyHash.from(calls.await(link.commands().hgetall(key))).policy();
  }

  @Override
  public void save(EventId eventId, QueuePolicy policy) {
    Map<String, String> fields = PolicyHash.fields(policy);
    // A new version, so that an update which read the policy before this write tries again.
    fields.put(PolicyHash.VERSION_FIELD, PolicyHash.newVersion());
    RedisKeys keys = new RedisKeys(eventId);
    RedisFuture<Long> saved = link.commands().hset(keys.policy(), fields);
    // A configured event keeps its counters: same flush, same slot.
    RedisFuture<Boolean> kept = link.commands().persist(keys.stats());
    calls.await(saved);
    calls.await(kept);
  }

  @Override
  public QueuePolicy update(
      EventId eventId, QueuePolicy defaults, UnaryOperator<QueuePolicy> change) {
    RedisKeys keys = new RedisKeys(eventId);
    String key = keys.policy();
    for (int tries = 1; ; tries++) {
      // From the primary: a lagging replica would only cause a conflict.
      PolicyHash current = PolicyHash.from(calls.await(link.slotOwner(key).hgetall(key)));
      QueuePolicy next =
          Objects.requireNonNull(change.apply(current.policy().orElse(defaults)), "changed policy");
      List<Object> reply =
          scripts.run(
              Script.POLICY_SWAP, List.of(key, keys.stats()), swapArgs(current.version(), next));
      if (PolicySwapReply.from(reply) == PolicySwapReply.STORED) {
        return next;
      }
      if (tries == MAX_TRIES) {
        throw new StoreUnavailableException(
            "the policy of " + eventId.value() + " kept changing under this update", null);
      }
      backOff(tries);
    }
  }

  @Override
  public void delete(EventId eventId) {
    scripts.run(
        Script.FORGET_POLICY,
        new RedisKeys(eventId).lineKeys(),
        List.of(housekeeping.idleRetentionMillis()));
  }

  private static List<String> swapArgs(String expectedVersion, QueuePolicy next) {
    List<String> args = new ArrayList<>();
    args.add(expectedVersion);
    args.add(PolicyHash.newVersion());
    PolicyHash.fields(next)
        .forEach(
            (field, value) -> {
              args.add(field);
              args.add(value);
            });
    return args;
  }

  private static void backOff(int tries) {
    long ceiling = Math.min(MAX_BACKOFF_MILLIS, 1L << Math.min(tries, 10));
    LockSupport.parkNanos(
        TimeUnit.MILLISECONDS.toNanos(1)
            + ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(ceiling)));
  }
}
