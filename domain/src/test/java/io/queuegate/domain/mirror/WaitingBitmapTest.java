package io.queuegate.domain.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitingBitmapTest {

  private static WaitingBitmap small() {
    return new WaitingBitmap(64, 256, 1 << 20);
  }

  @Test
  void empty_holdsNothingAndRanksZero() {
    WaitingBitmap set = small();
    assertThat(set.size()).isZero();
    assertThat(set.contains(0)).isFalse();
    assertThat(set.rank(0)).isZero();
    assertThat(set.rank(1_000_000)).isZero();
    assertThat(set.remove(5)).isFalse();
    assertThat(set.span()).isZero();
  }

  @Test
  void single_ranksZeroAtItselfAndOneAbove() {
    WaitingBitmap set = small();
    assertThat(set.add(700)).isTrue();
    assertThat(set.contains(700)).isTrue();
    assertThat(set.rank(700)).isZero();
    assertThat(set.rank(701)).isEqualTo(1);
    assertThat(set.rank(0)).isZero();
    assertThat(set.size()).isEqualTo(1);
  }

  @Test
  void addTwice_countsOnce_removeTwice_removesOnce() {
    WaitingBitmap set = small();
    assertThat(set.add(3)).isTrue();
    assertThat(set.add(3)).isFalse();
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.remove(3)).isTrue();
    assertThat(set.remove(3)).isFalse();
    assertThat(set.size()).isZero();
  }

  @Test
  void removeUnknown_changesNothing() {
    WaitingBitmap set = small();
    set.add(100);
    assertThat(set.remove(99)).isFalse();
    assertThat(set.remove(100_000)).isFalse();
    assertThat(set.remove(0)).isFalse();
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.rank(101)).isEqualTo(1);
  }

  @Test
  void keyFarAhead_beyondTheSpan_isRefusedAndChangesNothing() {
    WaitingBitmap set = small();
    set.add(10);
    assertThatThrownBy(() -> set.add(10 + (1 << 20))).isInstanceOf(IllegalArgumentException.class);
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.rank(11)).isEqualTo(1);
    assertThat(set.add(5_000)).isTrue();
    assertThat(set.rank(5_001)).isEqualTo(2);
  }

  @Test
  void negativeKey_isRefused() {
    assertThatThrownBy(() -> small().add(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptiedHead_dropsItsChunks_soTheSpanFollowsTheLiveRange() {
    WaitingBitmap set = small();
    for (long seq = 0; seq < 10_000; seq++) {
      set.add(seq);
    }
    long full = set.footprintBytes();
    for (long seq = 0; seq < 9_000; seq++) {
      set.remove(seq);
    }
    assertThat(set.base()).isEqualTo(8_960); // the chunk of 256 holding 9,000
    assertThat(set.span()).isLessThanOrEqualTo(1_280);
    assertThat(set.footprintBytes()).isLessThan(full / 4);
    assertThat(set.rank(9_500)).isEqualTo(500);
    // A late join below the dropped head is still taken: the directory grows back down.
    assertThat(set.add(17)).isTrue();
    assertThat(set.rank(9_500)).isEqualTo(501);
    assertThat(set.rank(18)).isEqualTo(1);
  }

  @Test
  void emptied_startsAfreshAtTheNextKey() {
    WaitingBitmap set = small();
    set.add(5);
    set.remove(5);
    assertThat(set.span()).isZero();
    set.add(1_000_000 - 1);
    assertThat(set.rank(1_000_000)).isEqualTo(1);
    assertThat(set.span()).isEqualTo(256);
  }

  /**
   * Random interleavings against a TreeSet: joins mostly at the tail, some out of order within a
   * window behind it, leaves at the head (admissions) and anywhere (leaves, reaps), unknown and
   * repeated removes, and now and then a burst that empties the head so that chunks are dropped.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void randomInterleavings_agreeWithATreeSet(long seed) {
    Random random = new Random(seed);
    for (int[] sizes : new int[][] {{64, 256}, {512, 4096}, {4096, 65536}}) {
      WaitingBitmap set = new WaitingBitmap(sizes[0], sizes[1], 1L << 30);
      TreeSet<Long> model = new TreeSet<>();
      List<Long> pending = new ArrayList<>(); // issued sequences whose join arrives late
      long next = random.nextInt(1_000);
      for (int step = 0; step < 60_000; step++) {
        int op = random.nextInt(100);
        if (op < 45) {
          long seq = next++;
          if (random.nextInt(8) == 0) {
            pending.add(seq);
          } else {
            assertThat(set.add(seq)).isEqualTo(model.add(seq));
          }
        } else if (op < 52 && !pending.isEmpty()) {
          long seq = pending.remove(random.nextInt(pending.size()));
          assertThat(set.add(seq)).isEqualTo(model.add(seq));
        } else if (op < 70 && !model.isEmpty()) {
          long head = model.first();
          assertThat(set.remove(head)).isEqualTo(model.remove(head));
        } else if (op < 80) {
          long seq = Math.max(0, next - 1 - random.nextInt(2_000));
          assertThat(set.remove(seq)).isEqualTo(model.remove(seq));
        } else if (op < 81 && model.size() > 10) {
          for (int k = 0; k < model.size() * 9 / 10; k++) {
            long head = model.first();
            assertThat(set.remove(head)).isEqualTo(model.remove(head));
          }
        } else {
          long probe = Math.max(0, next - random.nextInt(3_000));
          assertThat(set.contains(probe)).isEqualTo(model.contains(probe));
          assertThat(set.rank(probe)).isEqualTo(model.headSet(probe).size());
        }
        assertThat(set.size()).isEqualTo(model.size());
        if (!model.isEmpty()) {
          assertThat(set.base()).isLessThanOrEqualTo(model.first());
        }
      }
      for (long probe = Math.max(0, next - 5_000); probe <= next; probe++) {
        assertThat(set.rank(probe)).isEqualTo(model.headSet(probe).size());
      }
      // Memory follows the live range: the directory never spans much more than it.
      if (!model.isEmpty()) {
        long live = model.last() - model.first() + 1;
        assertThat(set.span()).isLessThanOrEqualTo(live + 2L * sizes[1] + 2_000 + 1_000);
      }
    }
  }
}
