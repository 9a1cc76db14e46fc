package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanTallyTest {
  private static final String PREFIX = "queue:event:{sale}:w:";

  @Test
  void keysReturnedTwice_countOnce() {
    ScanTally tally = new ScanTally(PREFIX, "me", 10);

    tally.add(PREFIX + "a", "3");
    tally.add(PREFIX + "b", "7");
    tally.add(PREFIX + "a", "3"); // SCAN may return a key again after a resize
    tally.add(PREFIX + "me", "10");
    tally.add(PREFIX + "b", "7");

    assertThat(tally.position()).isEqualTo(3);
    assertThat(tally.ids()).containsExactly("me", "a", "b");
  }

  @Test
  void waitersBehindAndVanishedHashes_doNotCount() {
    ScanTally tally = new ScanTally(PREFIX, "me", 10);

    tally.add(PREFIX + "later", "12");
    tally.add(PREFIX + "gone", null);
    tally.add(PREFIX + "ahead", "9");

    assertThat(tally.position()).isEqualTo(2);
    assertThat(tally.ids()).containsExactly("me", "later", "ahead");
  }
}
