package io.queuegate.domain.mirror;

import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * An in-memory mirror of one event's line (docs/design.md#line-mirror): who is still waiting, and
 * how many wait ahead of a place, as of the feed position {@link #version()}. Pre-queue entrants
 * stand ahead of every first-come waiter, as in the stores, so the mirror keeps two key spaces: the
 * pre-queue (by sequence before the opening, by shuffled slot after it) and the first-come line (by
 * sequence).
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
  private final int blockBits;
  private final int chunkBits;
  private final WaitingBitmap line;
  private WaitingBitmap preQueue;
  private boolean opened;
  private long version;

  private LineMirror(int blockBits, int chunkBits) {
    this.blockBits = blockBits;
    this.chunkBits = chunkBits;
    this.line = bitmap();
    this.preQueue = bitmap();
  }

  /** An empty mirror at version 0 with the standard block and chunk sizes. */
  public static LineMirror empty() {
    return withBlocks(BLOCK_BITS);
  }

  /** An empty mirror with another block size, for measurements. */
  public static LineMirror withBlocks(int blockBits) {
    return new LineMirror(blockBits, CHUNK_BITS);
  }

  /** An empty mirror with small chunks, so that tests see chunks come and go. */
  static LineMirror sized(int blockBits, int chunkBits) {
    return new LineMirror(blockBits, chunkBits);
  }

  /**
   * Applies a batch of changes in order and moves to {@code version}, atomically for readers. A
   * repeated join or leave changes nothing (a replayed feed entry). A change the line could not
   * have made (an opening twice, or with another count of entrants than the mirror holds; a
   * sequence beyond {@link #MAX_SPAN}) throws and leaves the mirror part-way through the batch: the
   * follower then rebuilds it from a snapshot.
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

  /** Where a place stands as of the returned version. */
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
      return line.size() + preQueue.size();
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

  /** Estimated heap bytes of the mirror's bitmaps and counts. */
  public long footprintBytes() {
    long stamp = lock.readLock();
    try {
      return 64 + line.footprintBytes() + preQueue.footprintBytes();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private void applyOne(LineChange change) {
    switch (change) {
      case LineChange.Joined joined -> line.add(joined.seq());
      case LineChange.JoinedPreQueue joined -> {
        if (opened) {
          throw new IllegalStateException("a pre-queue join after the opening");
        }
        preQueue.add(joined.seq());
      }
      case LineChange.Left left -> remove(left.place());
      case LineChange.Opened open -> {
        if (opened || open.entrants() != preQueue.size()) {
          throw new IllegalStateException("the opening does not match the mirrored pre-queue");
        }
        WaitingBitmap shuffled = bitmap();
        shuffled.fillFirst(open.entrants());
        preQueue = shuffled;
        opened = true;
      }
    }
  }

  private void remove(Place place) {
    switch (place.kind()) {
      case LINE -> line.remove(place.key());
      case PRE_QUEUE -> {
        if (!opened) {
          preQueue.remove(place.key());
        }
      }
      case SHUFFLED -> {
        if (opened) {
          preQueue.remove(place.key());
        }
      }
    }
  }

  // Null when the state it read was torn (only possible on the optimistic path).
  private MirrorStanding read(Place place) {
    WaitingBitmap pre = preQueue;
    boolean open = opened;
    long at = version;
    WaitingBitmap keyed =
        switch (place.kind()) {
          case LINE -> line;
          case PRE_QUEUE -> open ? null : pre;
          case SHUFFLED -> open ? pre : null;
        };
    if (keyed == null) {
      return MirrorStanding.absent(at);
    }
    long in = keyed.containsRacy(place.key());
    if (in != 1) {
      return in == 0 ? MirrorStanding.absent(at) : null;
    }
    long ahead =
        switch (place.kind()) {
          case LINE -> pre.size() + line.rankRacy(place.key());
          // Before the opening every place in the pre-queue is still open: it hears the last one.
          case PRE_QUEUE -> pre.size() - 1;
          case SHUFFLED -> pre.rankRacy(place.key());
        };
    // A torn read shows as a negative count; any other is caught by the caller's validation.
    return ahead < 0 ? null : new MirrorStanding(true, ahead, at);
  }

  private WaitingBitmap bitmap() {
    return new WaitingBitmap(blockBits, chunkBits, MAX_SPAN);
  }
}
