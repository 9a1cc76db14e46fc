package io.queuegate.domain.mirror;

import java.util.Arrays;

/**
 * A set of non-negative keys (a line's sequence numbers) as a bitmap with a Fenwick tree over the
 * counts of fixed-size blocks, so that the number of members below a key takes O(log N). Not
 * thread-safe: {@link LineMirror} guards it.
 *
 * <p>Memory follows the live range, not the history: the bitmap is a directory of fixed-size
 * chunks, a chunk that empties is released, and the released chunks at the front (everyone before
 * the head gone) leave the directory. A key below the front or past the end grows the directory by
 * whole chunks, so adds may arrive in any order, as long as the covered range stays within {@code
 * maxSpan} keys.
 */
public final class WaitingBitmap {
  /** What a read returns when it saw a half-written state; only racy readers can see it. */
  static final long TORN = Long.MIN_VALUE;

  private final int blockShift;
  private final int chunkShift;
  private final int wordsPerBlock;
  private final int blocksPerChunk;
  private final long maxSpan;

  private long base;
  private long[][] chunks = new long[0][];
  private int[] chunkCounts = new int[0];
  // 1-based over blocks: fenwick[i] holds the count of blocks (i - lowbit(i), i].
  private int[] fenwick = new int[1];
  private long size;

  /**
   * @param blockBits keys per counted block, a power of two of at least 64
   * @param chunkBits keys per allocated chunk, a power of two of at least {@code blockBits}
   * @param maxSpan the widest range of keys the set may cover at once
   */
  public WaitingBitmap(int blockBits, int chunkBits, long maxSpan) {
    if (Integer.bitCount(blockBits) != 1 || blockBits < 64) {
      throw new IllegalArgumentException("blockBits is a power of two of at least 64");
    }
    if (Integer.bitCount(chunkBits) != 1 || chunkBits < blockBits) {
      throw new IllegalArgumentException("chunkBits is a power of two of at least blockBits");
    }
    if (maxSpan < chunkBits || maxSpan / blockBits >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "maxSpan holds at least one chunk and fewer than 2^31 blocks");
    }
    this.blockShift = Integer.numberOfTrailingZeros(blockBits);
    this.chunkShift = Integer.numberOfTrailingZeros(chunkBits);
    this.wordsPerBlock = blockBits >>> 6;
    this.blocksPerChunk = chunkBits / blockBits;
    this.maxSpan = maxSpan;
  }

  /** Adds a key; returns whether it was absent. */
  public boolean add(long key) {
    if (key < 0) {
      throw new IllegalArgumentException("a key is not negative");
    }
    cover(key);
    int c = (int) ((key - base) >>> chunkShift);
    long[] chunk = chunks[c];
    if (chunk == null) {
      chunk = new long[1 << (chunkShift - 6)];
      chunks[c] = chunk;
    }
    int offset = (int) (key - base) & ((1 << chunkShift) - 1);
    long mask = 1L << offset;
    if ((chunk[offset >>> 6] & mask) != 0) {
      return false;
    }
    chunk[offset >>> 6] |= mask;
    chunkCounts[c]++;
    bump((int) ((key - base) >>> blockShift), 1);
    size++;
    return true;
  }

  /** Removes a key; returns whether it was present. */
  public boolean remove(long key) {
    if (key < base || key >= end()) {
      return false;
    }
    int c = (int) ((key - base) >>> chunkShift);
    long[] chunk = chunks[c];
    int offset = (int) (key - base) & ((1 << chunkShift) - 1);
    long mask = 1L << offset;
    if (chunk == null || (chunk[offset >>> 6] & mask) == 0) {
      return false;
    }
    chunk[offset >>> 6] &= ~mask;
    bump((int) ((key - base) >>> blockShift), -1);
    size--;
    if (--chunkCounts[c] == 0) {
      chunks[c] = null;
      if (size == 0) {
        clear();
      } else if (c == 0) {
        dropEmptyPrefix();
      }
    }
    return true;
  }

  /** Whether the key is a member. */
  public boolean contains(long key) {
    return containsRacy(key) == 1;
  }

  /** How many members are below the key. */
  public long rank(long key) {
    return rankRacy(key);
  }

  /** How many members there are. */
  public long size() {
    return size;
  }

  /** The first key the directory covers (members are all at or above it). */
  public long base() {
    return base;
  }

  /** The number of keys the directory covers. */
  public long span() {
    return (long) chunks.length << chunkShift;
  }

  /** Estimated heap bytes: the object, its arrays and the allocated chunks (compressed oops). */
  public long footprintBytes() {
    long bytes = 64 + array(chunks.length, 4) + array(chunkCounts.length, 4);
    bytes += array(fenwick.length, 4);
    for (long[] chunk : chunks) {
      bytes += chunk == null ? 0 : array(chunk.length, 8);
    }
    return bytes;
  }

  /**
   * 1 when the key is a member, 0 when not, or {@link #TORN}. Safe to call while a writer changes
   * the set (it never throws nor loops for long); the caller then checks its answer was not torn.
   */
  long containsRacy(long key) {
    long b = base;
    long[][] dir = chunks;
    if (key < b) {
      return 0;
    }
    long c = (key - b) >>> chunkShift;
    if (c >= dir.length) {
      return 0;
    }
    long[] chunk = dir[(int) c];
    if (chunk == null) {
      return 0;
    }
    int offset = (int) (key - b) & ((1 << chunkShift) - 1);
    if ((offset >>> 6) >= chunk.length) {
      return TORN;
    }
    return (chunk[offset >>> 6] >>> offset) & 1;
  }

  /** The number of members below the key, or {@link #TORN}; safe as {@link #containsRacy}. */
  long rankRacy(long key) {
    long b = base;
    long[][] dir = chunks;
    int[] fen = fenwick;
    long total = size;
    if (key <= b || total == 0) {
      return 0;
    }
    if (key >= b + ((long) dir.length << chunkShift)) {
      return total;
    }
    long rel = key - b;
    int block = (int) (rel >>> blockShift);
    long sum = 0;
    for (int i = block; i > 0; i -= i & -i) {
      if (i >= fen.length) {
        return TORN;
      }
      sum += fen[i];
    }
    long[] chunk = dir[(int) (rel >>> chunkShift)];
    if (chunk == null) {
      return sum;
    }
    int offset = (int) rel & ((1 << chunkShift) - 1);
    int word = offset >>> 6;
    if (word >= chunk.length) {
      return TORN;
    }
    for (int w = word - (word % wordsPerBlock); w < word; w++) {
      sum += Long.bitCount(chunk[w]);
    }
    return sum + Long.bitCount(chunk[word] & ((1L << offset) - 1));
  }

  private long end() {
    return base + ((long) chunks.length << chunkShift);
  }

  private void cover(long key) {
    long start = key & -(1L << chunkShift);
    if (chunks.length == 0) {
      base = start;
      resize(0, 1);
    } else if (key < base) {
      resize((int) ((base - start) >>> chunkShift), chunks.length);
      base = start;
    } else if (key >= end()) {
      resize(0, (int) ((start - base) >>> chunkShift) + 1);
    }
  }

  // A new directory of `length` chunks whose first `shift` are new, then the old ones.
  private void resize(int shift, int length) {
    int total = Math.max(length, chunks.length) + shift;
    if (((long) total << chunkShift) > maxSpan) {
      throw new IllegalArgumentException("the key is beyond the mirror's span of " + maxSpan);
    }
    long[][] dir = new long[total][];
    int[] counts = new int[total];
    System.arraycopy(chunks, 0, dir, shift, chunks.length);
    System.arraycopy(chunkCounts, 0, counts, shift, chunkCounts.length);
    chunks = dir;
    chunkCounts = counts;
    rebuildFenwick();
  }

  private void dropEmptyPrefix() {
    int empty = 0;
    while (empty < chunks.length && chunks[empty] == null) {
      empty++;
    }
    chunks = Arrays.copyOfRange(chunks, empty, chunks.length);
    chunkCounts = Arrays.copyOfRange(chunkCounts, empty, chunkCounts.length);
    base += (long) empty << chunkShift;
    rebuildFenwick();
  }

  private void clear() {
    chunks = new long[0][];
    chunkCounts = new int[0];
    fenwick = new int[1];
    base = 0;
  }

  // O(blocks + allocated words); runs when the directory changes, once per chunk of keys at most.
  private void rebuildFenwick() {
    int n = chunks.length * blocksPerChunk;
    int[] fen = new int[n + 1];
    for (int c = 0; c < chunks.length; c++) {
      long[] chunk = chunks[c];
      if (chunk == null) {
        continue;
      }
      for (int k = 0; k < blocksPerChunk; k++) {
        int count = 0;
        for (int w = k * wordsPerBlock; w < (k + 1) * wordsPerBlock; w++) {
          count += Long.bitCount(chunk[w]);
        }
        fen[c * blocksPerChunk + k + 1] = count;
      }
    }
    for (int i = 1; i <= n; i++) {
      int parent = i + (i & -i);
      if (parent <= n) {
        fen[parent] += fen[i];
      }
    }
    fenwick = fen;
  }

  private void bump(int block, int delta) {
    int[] fen = fenwick;
    for (int i = block + 1; i < fen.length; i += i & -i) {
      fen[i] += delta;
    }
  }

  private static long array(int length, int elementBytes) {
    return 16 + (((long) length * elementBytes + 7) & ~7L);
  }
}
