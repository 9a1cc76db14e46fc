package io.queuegate.domain.service;

import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedEntry;
import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LineMirror;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.mirror.MirrorListener;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.FeedGap;
import io.queuegate.domain.port.out.LineFeed;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps one event's {@link LineMirror} up to date from the store's feed
 * (docs/design.md#line-mirror): builds it from a snapshot (the head, then pages), then reads the
 * feed after its version, at once again while reads come back full and after a short pause
 * otherwise. A gap in the feed or a change the mirror cannot hold means a new snapshot; a store
 * outage means retrying with a growing pause while the mirror goes stale. One thread calls {@link
 * #step}; any thread may call {@link #fresh}.
 */
public final class MirrorFollower {
  private static final System.Logger LOG = System.getLogger(MirrorFollower.class.getName());
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

  private final EventId eventId;
  private final LineFeed feed;
  private final MirrorListener listener;
  private final QueueMetrics metrics;
  private final Clock clock;
  private final MirrorSettings settings;

  private volatile LineMirror mirror;
  // When a read last reached the feed's end, taken before that read; null until it has.
  private volatile Instant caughtUpAt;
  private volatile Instant wantedAt;
  private volatile boolean stopped;
  private Duration backoff = Duration.ZERO;

  /** How long a line must go without a change before its follower reads it less often. */
  static final Duration QUIET_AFTER = Duration.ofSeconds(1);

  // The pause after a read that reached the feed's end: poll, doubling once the line is quiet.
  private Duration quiet;
  // When a read last found a change; null before the first.
  private Instant changedAt;
  private long departuresBase;
  private long departuresTold;
  private long discardedSize;

  public MirrorFollower(
      EventId eventId,
      LineFeed feed,
      MirrorListener listener,
      QueueMetrics metrics,
      Clock clock,
      MirrorSettings settings) {
    this.eventId = Objects.requireNonNull(eventId);
    this.feed = Objects.requireNonNull(feed);
    this.listener = Objects.requireNonNull(listener);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.wantedAt = clock.instant();
  }

  /** The event it follows. */
  public EventId eventId() {
    return eventId;
  }

  /**
   * The mirror, when it is built and a read reached the feed's end within the staleness bound
   * before {@code now}; empty otherwise, and then status asks the store.
   */
  public Optional<LineMirror> fresh(Instant now) {
    LineMirror built = mirror;
    Instant at = caughtUpAt;
    if (built == null || at == null || stopped) {
      return Optional.empty();
    }
    return Duration.between(at, now).compareTo(settings.staleness()) <= 0
        ? Optional.of(built)
        : Optional.empty();
  }

  /** Marks the event as still asked about at {@code now}, which keeps it mirrored. */
  public void wanted(Instant now) {
    wantedAt = now;
  }

  /** Whether nobody asked about the event for longer than the settings allow. */
  public boolean idle(Instant now) {
    return Duration.between(wantedAt, now).compareTo(settings.dropAfter()) > 0;
  }

  /** Stops following; the mirror no longer answers. */
  public void stop() {
    stopped = true;
  }

  /** Whether {@link #stop} was called. */
  public boolean stopped() {
    return stopped;
  }

  /**
   * Builds the mirror if it has none, then reads and applies one batch of the feed. Returns how
   * long to wait before the next step: zero while there is more to read.
   */
  public Duration step() {
    try {
      if (mirror == null) {
        build();
      }
      Instant readAt = clock.instant();
      FeedBatch batch = feed.read(eventId, mirror.version(), settings.readBatch());
      apply(batch);
      backoff = Duration.ZERO;
      if (batch.entries().size() < settings.readBatch()) {
        caughtUpAt = readAt;
        return pauseAfter(batch, readAt);
      }
      quiet = null;
      changedAt = readAt;
      return Duration.ZERO;
    } catch (FeedGap | IllegalArgumentException | IllegalStateException e) {
      // The mirror no longer matches the line: drop it at once, so status asks the store, and take
      // a new snapshot on the next step.
      LOG.log(System.Logger.Level.INFO, "rebuilding the mirror of " + eventId + ": " + e);
      discard();
      return settings.idlePause();
    } catch (StoreUnavailableException e) {
      backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2));
      return backoff;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "mirror of " + eventId + " failed to read", e);
      discard();
      backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2));
      return backoff;
    }
  }

  private void build() {
    FeedHead head = feed.head(eventId);
    LineMirror built = LineMirror.fromHead(head);
    long after = 0;
    while (true) {
      LinePage page = feed.page(eventId, after, settings.pageSize());
      long[] sequences = page.sequences();
      built.addPage(page);
      if (page.last() || sequences.length == 0) {
        break;
      }
      after = sequences[sequences.length - 1];
    }
    // Whoever counts departures looks again: the count jumps by more than anyone could wait on.
    departuresBase = departuresTold + discardedSize + built.size();
    caughtUpAt = null;
    mirror = built;
    metrics.mirrorRebuilt(eventId);
    tell();
  }

  private void apply(FeedBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    int applied = mirror.apply(batch);
    Instant now = clock.instant();
    for (FeedEntry entry :
        batch.entries().subList(batch.entries().size() - applied, batch.entries().size())) {
      metrics.mirrorLag(eventId, max(Duration.between(entry.writtenAt(), now)));
    }
    if (applied > 0) {
      tell();
    }
  }

  private void discard() {
    LineMirror gone = mirror;
    if (gone != null) {
      departuresTold = departuresBase + gone.departures();
      discardedSize = gone.size();
    }
    mirror = null;
    caughtUpAt = null;
    quiet = null;
    changedAt = null;
  }

  private void tell() {
    departuresTold = departuresBase + mirror.departures();
    listener.applied(eventId, departuresTold);
  }

  // A line that changes is read every poll, gaps of up to a second in its changes included (a burst
  // of joins then lags no more than the poll); one quiet for longer, less and less often, down to
  // one read per quiet pause, which still keeps the mirror fresh well within its staleness bound.
  private Duration pauseAfter(FeedBatch batch, Instant readAt) {
    if (!batch.entries().isEmpty() || changedAt == null) {
      changedAt = readAt;
    }
    if (quiet == null || readAt.isBefore(changedAt.plus(QUIET_AFTER))) {
      quiet = settings.idlePause();
    } else {
      Duration doubled = quiet.multipliedBy(2);
      quiet = doubled.compareTo(settings.quietPause()) < 0 ? doubled : settings.quietPause();
    }
    return quiet;
  }

  private Duration min(Duration pause) {
    return pause.compareTo(settings.maxBackoff()) < 0 ? pause : settings.maxBackoff();
  }

  // Clocks of two machines differ: a lag below zero is none.
  private static Duration max(Duration lag) {
    return lag.isNegative() ? Duration.ZERO : lag;
  }
}
