package io.queuegate.domain.service.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationWatchTest {
  private static final EventId EVENT = new EventId("sale");
  private static final Duration KEEP = Duration.ofSeconds(100);
  private static final Instant T0 = GateFixture.START;

  private final GateFixture.FakeSessions store = new GateFixture.FakeSessions();
  private final RevocationWatch watch = new RevocationWatch(store);

  private void poll(Instant now) {
    watch.poll(List.of(EVENT), e -> KEEP, now);
  }

  @Test
  void revocationsMadeElsewhere_areSeenAfterThePoll_andForgottenAfterTheKeepTime() {
    store.end(EVENT, "a", KEEP, T0);
    assertThat(watch.isRevoked(EVENT, "a")).isFalse();

    poll(T0.plusSeconds(1));
    assertThat(watch.isRevoked(EVENT, "a")).isTrue();

    poll(T0.plusSeconds(100));
    assertThat(watch.isRevoked(EVENT, "a")).isFalse();
  }

  @Test
  void revocationStampedAlittleBeforeTheLastPoll_isStillSeen() {
    poll(T0.plusSeconds(10));
    store.end(EVENT, "late", KEEP, T0.plusSeconds(7)); // a clock 3 s behind

    poll(T0.plusSeconds(11));

    assertThat(watch.isRevoked(EVENT, "late")).isTrue();
  }

  @Test
  void failedPoll_readsFromTheSamePointNextTime() {
    poll(T0);
    store.end(EVENT, "a", KEEP, T0.plusSeconds(1));
    store.down = true;
    poll(T0.plusSeconds(20));
    store.down = false;

    poll(T0.plusSeconds(30));

    assertThat(watch.isRevoked(EVENT, "a")).isTrue();
  }
}
