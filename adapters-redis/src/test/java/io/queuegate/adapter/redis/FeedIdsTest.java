package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.Place;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedIdsTest {
  @Test
  void theIdBeforeEveryEntry_isVersionZero() {
    assertThat(FeedIds.version("0-0")).isZero();
    assertThat(FeedIds.id(0)).isEqualTo("0-0");
  }

  @Test
  void versionsGrowWithTheStreamId_andGoBackToTheSameId() {
    long a = FeedIds.version("1764614400000-0");
    long b = FeedIds.version("1764614400000-1");
    long c = FeedIds.version("1764614400001-0");
    long far = FeedIds.version("3900000000000-4194303"); // 2093, the last n of a millisecond

    assertThat(a).isPositive().isLessThan(b);
    assertThat(b).isLessThan(c);
    assertThat(c).isLessThan(far);
    assertThat(FeedIds.id(b)).isEqualTo("1764614400000-1");
    assertThat(FeedIds.id(far)).isEqualTo("3900000000000-4194303");
    assertThat(FeedIds.writtenAt(c)).isEqualTo(Instant.ofEpochMilli(1764614400001L));
  }

  @Test
  void idsOutsideTheVersionRange_areRefused() {
    assertThatThrownBy(() -> FeedIds.version("1600000000000-1")) // before 2024
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FeedIds.version("1764614400000-4194304")) // n of 2^22
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FeedIds.version("17646144")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEntrysTokens_decodeToTheChangesInOrder() {
    assertThat(FeedCodec.decode("j12 q7 l3 p7 o1000"))
        .containsExactly(
            new LineChange.Joined(12),
            new LineChange.JoinedPreQueue(7),
            new LineChange.Left(Place.line(3)),
            new LineChange.Left(Place.preQueue(7)),
            new LineChange.Opened(1000));
    assertThat(FeedCodec.decode("")).isEmpty();
    assertThatThrownBy(() -> FeedCodec.decode("x1")).isInstanceOf(IllegalStateException.class);
  }
}
