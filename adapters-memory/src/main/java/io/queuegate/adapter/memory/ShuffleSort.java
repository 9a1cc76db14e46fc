package io.queuegate.adapter.memory;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders a pre-queue at its opening (docs/design.md#pre-queue) by score, ties by entrant id, in
 * linear time: an LSD radix sort of the 52-bit scores over primitive arrays, then the rare runs of
 * equal scores sorted by entrant id. A comparison sort of a million entrants held the event's lock
 * for seconds (docs/benchmarks.md#opening).
 */
final class ShuffleSort {
  private static final int BITS = 13;
  private static final int PASSES = 4; // 4 x 13 = the 52 bits of a score
  private static final int MASK = (1 << BITS) - 1;

  private ShuffleSort() {}

  /**
   * The positions of {@code scores} in ascending order; equal scores are ordered by {@code ties},
   * which compares positions.
   *
   * @param scores order scores, each in [0, 2^52)
   */
  static int[] order(long[] scores, Comparator<Integer> ties) {
    int n = scores.length;
    int[] idx = new int[n];
    int[] spare = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] count = new int[MASK + 2];
    for (int pass = 0, shift = 0; pass < PASSES; pass++, shift += BITS) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((scores[i] >>> shift) & MASK) + 1]++;
      }
      for (int b = 0; b <= MASK; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int at = idx[i];
        spare[count[(int) ((scores[at] >>> shift) & MASK)]++] = at;
      }
      int[] swap = idx;
      idx = spare;
      spare = swap;
    }
    sortTies(scores, idx, ties);
    return idx;
  }

  // Runs of equal scores are short (two entrants share 52 bits about once in ten thousand
  // pre-queues
  // of a million): an insertion sort each.
  private static void sortTies(long[] scores, int[] idx, Comparator<Integer> ties) {
    int start = 0;
    for (int i = 1; i <= idx.length; i++) {
      if (i < idx.length && scores[idx[i]] == scores[idx[start]]) {
        continue;
      }
      for (int j = start + 1; j < i; j++) {
        int moving = idx[j];
        int k = j - 1;
        while (k >= start && ties.compare(idx[k], moving) > 0) {
          idx[k + 1] = idx[k];
          k--;
        }
        idx[k + 1] = moving;
      }
      start = i;
    }
  }
}
