package io.queuegate.domain.mirror;

import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * An in-memory mirror of one event's line (docs/design.md#line-mirror): who is still waiting in the
 * first-come line, and how many wait ahead of a first-come place, as of the feed position {@link
 * #version()}. It holds what the stores' index tier counts: the pre-queue as a count (its entrants
 * stand ahead of every first-come waiter, and the store answers their own places) and the
 * first-come waiters as a bitmap over sequence numbers.
 *
 * <p>One writer (the feed follower) calls {@link #apply}; any number of readers call {@link
 * #standing}. The writer holds a {@link StampedLock}'s write lock for a whole batch, and readers
 * read optimistically and retry under the read lock when a batch overlapped them, so a reader sees
 * the line exactly as it was after some batch, together with that batch's version, and never a
 * count that no version had. Readers copy nothing, and hold the writer up only on a retry, for one
 * read.
 */
public final class LineMirror {
  /**
   * Keys per counted block, chosen by measurement (docs/benchmarks.md#mirror): a position read
   * counts at most 8 words and walks the Fenwick tree, faster than with 4,096 at about 5% more
   * memory.
   */
  public static final int BLOCK_BITS = 512;

  /** Keys per allocated chunk: 8 KiB of bitmap. */
  public static final int CHUNK_BITS = 1 << 16;

  /**
   * The widest range of sequences one line may cover at once (about a billion): counts stay ints,
   * and a stray sequence far ahead costs at most 8 MB of block counts.
   */
  public static final long MAX_SPAN = 1L << 30;

  private final StampedLock lock = new StampedLock();
  private final WaitingBitmap line;
  private long preQueue;
  private boolean opened;
  private long version;
  private long departures;

  private LineMirror(int blockBits, int chunkBits, long version, long preQueue) {
    this.line = new WaitingBitmap(blockBits, chunkBits, MAX_SPAN);
    this.version = version;
    this.preQueue = preQueue;
  }

  /** An empty mirror at version 0 with the standard block and chunk sizes. */
  public static LineMirror empty() {
    return withBlocks(BLOCK_BITS);
  }

  /**
   * The start of a snapshot: no first-come waiter yet, the pre-queue's count and the version of
   * {@code head}. The builder adds the snapshot's {@link #addPage pages}, then applies the feed
   * after the head.
   */
  public static LineMirror fromHead(FeedHead head) {
    return new LineMirror(BLOCK_BITS, CHUNK_BITS, head.version(), head.preQueue());
  }

  /** An empty mirror with another block size, for measurements. */
  public static LineMirror withBlocks(int blockBits) {
    return new LineMirror(blockBits, CHUNK_BITS, 0, 0);
  }

  /** An empty mirror with small chunks, so that tests see chunks come and go. */
  static LineMirror sized(int blockBits, int chunkBits) {
    return new LineMirror(blockBits, chunkBits, 0, 0);
  }

  /**
   * Adds a snapshot page's first-come waiters; one already held changes nothing, since the pages
   * are read while the line moves and the feed on top corrects them.
   *
   * @throws IllegalArgumentException when a sequence is beyond {@link #MAX_SPAN}
   */
  public void addPage(LinePage page) {
    long stamp = lock.writeLock();
    try {
      for (long seq : page.sequences()) {
        line.add(seq);
      }
      opened |= page.sequences().length > 0;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Applies the entries of {@code batch} after the current version, in order, atomically for
   * readers; entries at or below the version are skipped (a snapshot's head overlaps the feed).
   * Returns how many entries it applied. A change the mirror cannot hold throws as {@link #apply}.
   */
  public int apply(FeedBatch batch) {
    long stamp = lock.writeLock();
    try {
      int applied = 0;
      for (FeedEntry entry : batch.entries()) {
        if (entry.version() > version) {
          for (LineChange change : entry.changes()) {
            applyOne(change);
          }
          version = entry.version();
          applied++;
        }
      }
      return applied;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Applies a batch of changes in order and moves to {@code version}, atomically for readers. A
   * repeated join or leave changes nothing (a replayed feed entry). A sequence beyond {@link
   * #MAX_SPAN} throws and leaves the mirror part-way through the batch: the follower then rebuilds
   * it from a snapshot.
   *
   * @throws IllegalArgumentException when {@code version} is not after the current one
   */
  public void apply(List<? extends LineChange> changes, long version) {
    long stamp = lock.writeLock();
    try {
      if (version <= this.version) {
        throw new IllegalArgumentException("a batch moves the version forward");
      }
      for (LineChange change : changes) {
        applyOne(change);
      }
      this.version = version;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Where a place stands as of the returned version. The mirror holds first-come places only: a
   * pre-queue place is never waiting here, and its store answers it.
   */
  public MirrorStanding standing(Place place) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      MirrorStanding seen = read(place);
      if (seen != null && lock.validate(stamp)) {
        return seen;
      }
    }
    stamp = lock.readLock();
    try {
      return read(place);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** How many wait ahead of a place, or -1 when the mirror does not hold it. */
  public long waitingAhead(Place place) {
    MirrorStanding standing = standing(place);
    return standing.waiting() ? standing.ahead() : -1;
  }

  /** Whether the mirror holds the place. */
  public boolean isWaiting(Place place) {
    return standing(place).waiting();
  }

  /** How many are waiting, pre-queue included. */
  public long size() {
    long stamp = lock.readLock();
    try {
      return line.size() + preQueue;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** How many wait in the pre-queue, as the mirror counts them. */
  public long preQueue() {
    long stamp = lock.readLock();
    try {
      return preQueue;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Whether the mirror has seen the line open: an opening in the feed, or a first-come waiter (a
   * scheduled line takes first-come joins only once its pre-queue has opened).
   */
  public boolean opened() {
    long stamp = lock.readLock();
    try {
      return opened;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** How many leaves removed someone the mirror held, since it was made; it never goes down. */
  public long departures() {
    long stamp = lock.readLock();
    try {
      return departures;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** The feed position the mirror reflects; 0 before the first batch. */
  public long version() {
    long stamp = lock.readLock();
    try {
      return version;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Estimated heap bytes of the mirror's bitmap and counts. */
  public long footprintBytes() {
    long stamp = lock.readLock();
    try {
      return 64 + line.footprintBytes();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private void applyOne(LineChange change) {
    switch (change) {
      case LineChange.Joined joined -> {
        line.add(joined.seq());
        opened = true;
      }
      case LineChange.JoinedPreQueue joined -> preQueue++;
      case LineChange.Left left -> remove(left.place());
      case LineChange.Opened open -> opened = true;
    }
  }

  private void remove(Place place) {
    switch (place.kind()) {
      case LINE -> {
        if (line.remove(place.key())) {
          departures++;
        }
      }
      case PRE_QUEUE -> {
        // A count cannot tell a replayed leave from a new one; it only never goes below zero.
        if (preQueue > 0) {
          preQueue--;
          departures++;
        }
      }
    }
  }

  // Null when the state it read was torn (only possible on the optimistic path).
  private MirrorStanding read(Place place) {
    long pre = preQueue;
    long at = version;
    if (place.kind() != Place.Kind.LINE) {
      return MirrorStanding.absent(at);
    }
    long in = line.containsRacy(place.key());
    if (in != 1) {
      return in == 0 ? MirrorStanding.absent(at) : null;
    }
    long ahead = pre + line.rankRacy(place.key());
    // A torn read shows as a negative count; any other is caught by the caller's validation.
    return ahead < 0 ? null : new MirrorStanding(true, ahead, at);
  }
}
