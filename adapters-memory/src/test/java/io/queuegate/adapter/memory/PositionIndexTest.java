package io.queuegate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PositionIndexTest {

  @Test
  void randomJoinsAndRemovals_rankLikeASortedSet() {
    Random random = new Random(42);
    PositionIndex index = new PositionIndex();
    TreeSet<Long> model = new TreeSet<>();
    List<Long> live = new ArrayList<>();
    long next = 1;
    for (int step = 0; step < 20_000; step++) {
      if (live.isEmpty() || random.nextInt(100) < 55) {
        index.add(next);
        model.add(next);
        live.add(next++);
      } else {
        // Mostly the head leaves, as in a real line; sometimes anyone does.
        int at = random.nextInt(4) == 0 ? random.nextInt(live.size()) : 0;
        long gone = live.remove(at);
        index.remove(gone);
        model.remove(gone);
      }
      if (!live.isEmpty()) {
        long probe = live.get(random.nextInt(live.size()));
        assertThat(index.rank(probe)).isEqualTo(model.headSet(probe, true).size());
        assertThat(index.first()).isEqualTo(model.first());
      }
      assertThat(index.size()).isEqualTo(model.size());
    }
  }

  @Test
  void longLineThatKeepsMoving_keepsItsIndexSmall() {
    PositionIndex index = new PositionIndex();
    for (long sequence = 1; sequence <= 100_000; sequence++) {
      index.add(sequence);
      if (sequence > 10) {
        index.remove(sequence - 10); // ten waiting at any time
      }
    }

    assertThat(index.size()).isEqualTo(10);
    assertThat(index.capacity()).isLessThanOrEqualTo(64);
    assertThat(index.rank(100_000)).isEqualTo(10);
    assertThat(index.first()).isEqualTo(99_991);
  }

  @Test
  void emptiedIndex_startsSmallAgainAfterTheLastSequence() {
    PositionIndex index = new PositionIndex();
    for (long sequence = 1; sequence <= 1_000; sequence++) {
      index.add(sequence);
    }
    for (long sequence = 1; sequence <= 1_000; sequence++) {
      index.remove(sequence);
    }

    index.add(1_001);

    assertThat(index.capacity()).isEqualTo(16);
    assertThat(index.rank(1_001)).isEqualTo(1);
    assertThat(index.first()).isEqualTo(1_001);
  }
}
