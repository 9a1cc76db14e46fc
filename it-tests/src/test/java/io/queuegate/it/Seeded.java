package io.queuegate.it;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.WaiterId;

/**
 * The entrants a bench seeded into a pre-queue: waiter ids {@code b} + 21 digits of their number,
 * in join order, and their entrant ids, so the bench can find who heads the shuffled order.
 */
final class Seeded {
  private final String[] entrants;

  Seeded(int count) {
    this.entrants = new String[count];
  }

  static WaiterId waiterId(int number) {
    return new WaiterId(String.format("b%021d", number));
  }

  void add(int number, EntrantId entrant) {
    entrants[number] = entrant.value();
  }

  /** The waiter id of the entrant first in the order {@code key} makes (docs/fairness.md#order). */
  String headUnder(ShuffleKey key) {
    ShuffleKey.Scorer scorer = key.scorer();
    int best = -1;
    long bestScore = Long.MAX_VALUE;
    for (int i = 0; i < entrants.length; i++) {
      long score = scorer.orderScore(new EntrantId(entrants[i]));
      if (best < 0
          || score < bestScore
          || (score == bestScore && entrants[i].compareTo(entrants[best]) < 0)) {
        best = i;
        bestScore = score;
      }
    }
    return waiterId(best).value();
  }
}
