package io.queuegate.domain.service;

import io.queuegate.domain.mirror.LineMirror;
import io.queuegate.domain.mirror.MirrorListener;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.out.LineFeed;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mirrors this instance keeps (docs/design.md#line-mirror): an event is mirrored once status
 * calls for it pass the configured rate, up to the configured number of events, each followed on a
 * virtual thread of its own, and dropped once nobody asked about it for a while. Closing stops
 * every follower.
 */
public final class LineMirrors implements AutoCloseable {
  private final LineFeed feed;
  private final MirrorListener listener;
  private final QueueMetrics metrics;
  private final Clock clock;
  private final MirrorSettings settings;
  private final Starter starter;
  private final Pauser pauser;
  private final MirrorDemand demand;
  private final ConcurrentHashMap<EventId, MirrorFollower> followers = new ConcurrentHashMap<>();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param starter runs each follower's loop ({@link #PLATFORM_THREADS} in the service; tests pass
   *     one that runs nothing and step the followers themselves)
   * @param pauser waits between a follower's steps ({@link #SLEEP} in the service)
   */
  public LineMirrors(
      LineFeed feed,
      MirrorListener listener,
      QueueMetrics metrics,
      Clock clock,
      MirrorSettings settings,
      Starter starter,
      Pauser pauser) {
    this.feed = Objects.requireNonNull(feed);
    this.listener = Objects.requireNonNull(listener);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.starter = Objects.requireNonNull(starter);
    this.pauser = Objects.requireNonNull(pauser);
    this.demand = new MirrorDemand(settings.minRatePerSec());
    metrics.mirroredEvents(0);
  }

  /** Waits between a follower's steps. */
  public interface Pauser {
    /** Waits {@code pause}; an interrupt ends the follower. */
    void pause(Duration pause) throws InterruptedException;
  }

  /** Starts a follower's loop. */
  public interface Starter {
    /** Runs {@code loop}, which returns once the follower of {@code eventId} is done. */
    void start(EventId eventId, Runnable loop);
  }

  /** Sleeps the pause. */
  public static final Pauser SLEEP = pause -> Thread.sleep(pause);

  /**
   * Runs each follower on a platform thread of its own (a daemon): a follower that wakes from its
   * pause is scheduled by the operating system at once, instead of queueing for a carrier behind
   * the requests' virtual threads.
   */
  public static final Starter PLATFORM_THREADS =
      (eventId, loop) ->
          Thread.ofPlatform().daemon().name("queuegate-mirror-" + eventId.value()).start(loop);

  /** Records a status call for the event at {@code now}; starts its mirror once it is busy. */
  public void hit(EventId eventId, Instant now) {
    if (!settings.enabled() || closed) {
      return;
    }
    MirrorFollower follower = followers.get(eventId);
    if (follower != null) {
      follower.wanted(now);
      return;
    }
    if (!demand.hit(eventId, now) || followers.size() >= settings.maxEvents()) {
      return;
    }
    boolean[] created = {false};
    MirrorFollower started =
        followers.computeIfAbsent(
            eventId,
            e -> {
              if (followers.size() >= settings.maxEvents()) {
                return null;
              }
              created[0] = true;
              return new MirrorFollower(e, feed, listener, metrics, clock, settings);
            });
    if (!created[0]) {
      return;
    }
    demand.forget(eventId);
    started.wanted(now);
    metrics.mirroredEvents(followers.size());
    starter.start(eventId, () -> follow(started));
  }

  /** The event's mirror while it may answer, or empty: the store answers then. */
  public Optional<LineMirror> fresh(EventId eventId, Instant now) {
    MirrorFollower follower = followers.get(eventId);
    return follower == null ? Optional.empty() : follower.fresh(now);
  }

  /** The events mirrored now. */
  public List<EventId> mirrored() {
    return List.copyOf(followers.keySet());
  }

  /**
   * One step of a follower, or its end: a follower nobody asked about for too long, or one that was
   * stopped, is removed and its listeners told. Returns how long to pause, or empty when the
   * follower is done.
   */
  public Optional<Duration> step(MirrorFollower follower) {
    if (!follower.stopped() && !follower.idle(clock.instant())) {
      return Optional.of(follower.step());
    }
    follower.stop();
    if (followers.remove(follower.eventId(), follower)) {
      metrics.mirroredEvents(followers.size());
      listener.dropped(follower.eventId());
    }
    return Optional.empty();
  }

  /** Stops every follower and wakes its thread from a pause, so that it ends at once. */
  @Override
  public void close() {
    closed = true;
    for (MirrorFollower follower : followers.values()) {
      follower.stop();
    }
    threads.forEach(Thread::interrupt);
  }

  /** The follower of an event, for tests that step it. */
  Optional<MirrorFollower> follower(EventId eventId) {
    return Optional.ofNullable(followers.get(eventId));
  }

  private void follow(MirrorFollower follower) {
    threads.add(Thread.currentThread());
    try {
      for (Optional<Duration> pause = step(follower); pause.isPresent(); pause = step(follower)) {
        if (pause.get().isPositive()) {
          pauser.pause(pause.get());
        }
      }
    } catch (InterruptedException e) {
      follower.stop();
      step(follower);
    } finally {
      threads.remove(Thread.currentThread());
    }
  }
}
