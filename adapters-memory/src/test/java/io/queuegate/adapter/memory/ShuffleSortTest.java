package io.queuegate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShuffleSortTest {
  private static final long SCORE_BOUND = 1L << 52;

  @Test
  void randomScores_comeOutAsAComparisonSortWouldOrderThem() {
    SplittableRandom random = new SplittableRandom(7);
    long[] scores = new long[50_000];
    for (int i = 0; i < scores.length; i++) {
      // Every tenth entrant shares a score with another, so ties occur in numbers.
      scores[i] = i % 10 == 9 ? scores[random.nextInt(i)] : random.nextLong(SCORE_BOUND);
    }
    // Ties go by a second key; here the position backwards, so that input order cannot pass.
    Comparator<Integer> ties = Comparator.reverseOrder();

    int[] order = ShuffleSort.order(scores, ties);

    List<Integer> expected =
        IntStream.range(0, scores.length)
            .boxed()
            .sorted(Comparator.<Integer>comparingLong(i -> scores[i]).thenComparing(ties))
            .toList();
    assertThat(order).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void extremeScores_andAnEmptyPreQueue_sort() {
    long[] scores = {SCORE_BOUND - 1, 0, 1L << 39, 1L << 13, SCORE_BOUND - 1};

    assertThat(ShuffleSort.order(scores, Comparator.naturalOrder())).containsExactly(1, 3, 2, 0, 4);
    assertThat(ShuffleSort.order(new long[0], Comparator.naturalOrder())).isEmpty();
  }
}
