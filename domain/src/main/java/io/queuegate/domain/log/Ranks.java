package io.queuegate.domain.log;

/** Counts present slots at or before a slot in O(log n): a Fenwick tree over 1..capacity. */
final class Ranks {
  private final long[] tree;

  Ranks(int capacity) {
    this.tree = new long[capacity + 1];
  }

  void add(int slot, int delta) {
    for (int i = slot; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }

  /** How many present slots are at or before {@code slot}. */
  long rank(int slot) {
    long sum = 0;
    for (int i = slot; i > 0; i -= i & -i) {
      sum += tree[i];
    }
    return sum;
  }
}
