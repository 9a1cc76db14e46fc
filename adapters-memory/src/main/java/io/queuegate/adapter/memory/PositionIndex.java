package io.queuegate.adapter.memory;

/**
 * Counts the waiters at or before a sequence number in O(log N): a Fenwick tree over the dense
 * per-event sequence numbers, offset by a base that moves forward as the head of the line does.
 */
final class PositionIndex {
  private static final int MIN_CAPACITY = 16;

  /** 1-based Fenwick tree; its capacity (length - 1) is always a power of two. */
  private int[] tree = new int[MIN_CAPACITY + 1];

  /** The sequence number that index 0 stands for; index i holds sequence base + i. */
  private long base;

  private long highest;
  private int size;

  /** Counts {@code sequence}, which must be above every sequence added before. */
  void add(long sequence) {
    if (sequence <= highest) {
      throw new IllegalArgumentException("sequences must increase");
    }
    if (sequence - base > capacity()) {
      rebuild(sequence - base);
    }
    update((int) (sequence - base), 1);
    highest = sequence;
    size++;
  }

  /** Stops counting {@code sequence}, which must be counted now. */
  void remove(long sequence) {
    update((int) (sequence - base), -1);
    size--;
    if (size == 0) {
      // An empty line needs no history: start small again just past the last sequence issued.
      base = highest;
      tree = new int[MIN_CAPACITY + 1];
    }
  }

  /** How many counted sequences are at or before {@code sequence}. */
  long rank(long sequence) {
    long offset = Math.min(sequence - base, capacity());
    long sum = 0;
    for (int i = (int) Math.max(offset, 0); i > 0; i -= i & -i) {
      sum += tree[i];
    }
    return sum;
  }

  /** The lowest counted sequence, or 0 when none is counted. */
  long first() {
    return select(1);
  }

  /** The {@code k}-th lowest counted sequence (1-based), or 0 when fewer are counted. */
  long select(long k) {
    if (k < 1 || k > size) {
      return 0;
    }
    int pos = 0;
    long rest = k;
    for (int step = Integer.highestOneBit(capacity()); step > 0; step >>= 1) {
      if (pos + step <= capacity() && tree[pos + step] < rest) {
        pos += step;
        rest -= tree[pos];
      }
    }
    return base + pos + 1;
  }

  int size() {
    return size;
  }

  /** Slots held, for tests of the memory bound. */
  int capacity() {
    return tree.length - 1;
  }

  private void update(int index, int delta) {
    for (int i = index; i <= capacity(); i += i & -i) {
      tree[i] += delta;
    }
  }

  /**
   * Makes room for {@code offset}: drops the dead prefix below the head, then sizes the tree to
   * twice the live span, so the O(capacity) rebuild is paid for by at least capacity/2 adds.
   */
  private void rebuild(long offset) {
    int[] raw = tree.clone();
    int n = capacity();
    for (int i = n; i >= 1; i--) { // inverse of the linear-time build: back to plain counts
      int parent = i + (i & -i);
      if (parent <= n) {
        raw[parent] -= raw[i];
      }
    }
    long shift = size == 0 ? offset - 1 : first() - base - 1;
    long span = offset - shift;
    long wanted = Math.max(MIN_CAPACITY, Long.highestOneBit(span * 2 - 1) << 1);
    if (wanted > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("line too long for the in-memory store");
    }
    int[] next = new int[(int) wanted + 1];
    for (long i = shift + 1; i <= n; i++) {
      next[(int) (i - shift)] = raw[(int) i];
    }
    int m = next.length - 1;
    for (int i = 1; i <= m; i++) {
      int parent = i + (i & -i);
      if (parent <= m) {
        next[parent] += next[i];
      }
    }
    tree = next;
    base += shift;
  }
}
