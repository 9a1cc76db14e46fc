package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.queuegate.domain.port.in.JoinCommand;
import io.queuegate.domain.port.out.EnqueueTokenVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.QueueMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances over one store, and one of them dies with heartbeats unflushed and a join whose
 * answer never left it: the survivor reaps exactly the waiters nobody hears from any more, within
 * the timeout plus the flush grace plus its own flush and pass, and none of those who moved over
 * (docs/design.md#heartbeat). Virtual time, one step per second.
 */
class InstanceCrashTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration FLUSH = Duration.ofSeconds(1);
  private static final Duration ALLOWANCE = Duration.ofMinutes(30);
  private static final Duration REAP_EVERY = Duration.ofSeconds(1);

  private final MutableClock clock = new MutableClock();
  private final FakeQueueStore store = new FakeQueueStore();
  private final EventPolicies stored = mock(EventPolicies.class);

  /** One queuegate instance: its own heartbeat buffer, view of outages, reaper and services. */
  private final class Instance {
    final StoreOutages outages = new StoreOutages(clock);
    final OutageRecordingLine line = new OutageRecordingLine(store, outages);
    final PolicyCatalog catalog =
        new PolicyCatalog(stored, TestWaiters.policy(1, 0.01, TIMEOUT), clock, FLUSH);
    final EtaEstimator eta = new EtaEstimator(store, clock);
    final PollingHint hint = new PollingHint(FixedRandom.NO_JITTER);
    final HeartbeatCoalescer heartbeats = new HeartbeatCoalescer(line, clock);
    final JoinQueueService join =
        Services.join(
            line, catalog, mock(EnqueueTokenVerifier.class), eta, hint, QueueMetrics.NONE, clock);
    final QueueStatusService status =
        Services.status(line, catalog, eta, hint, heartbeats, QueueMetrics.NONE, clock);
    final Reaper reaper =
        new Reaper(
            line,
            catalog,
            QueueMetrics.NONE,
            clock,
            100,
            new SilenceRule(heartbeats, outages, FLUSH, ALLOWANCE),
            1);
    boolean alive = true;

    String joinOne() {
      return join.join(new JoinCommand(EVENT, Optional.empty(), Optional.empty())).token().encode();
    }
  }

  /** A client polling once a second at the instance it talks to, until it gives up. */
  private static final class Client {
    final String token;
    Instance home;
    boolean polling = true;

    Client(String token, Instance home) {
      this.token = token;
      this.home = home;
    }

    void poll() {
      if (polling) {
        home.status.status(token);
      }
    }
  }

  private final Instance victim = new Instance();
  private final Instance survivor = new Instance();
  private final List<Client> clients = new ArrayList<>();
  private long reaped;

  @BeforeEach
  void sixWaitersJoinThroughBothInstances() {
    when(stored.find(any())).thenReturn(Optional.empty());
    for (int i = 0; i < 6; i++) {
      Instance home = i % 2 == 0 ? victim : survivor;
      clients.add(new Client(home.joinOne(), home));
    }
    run(5);
  }

  /** Lets {@code seconds} pass: clients poll, every live instance flushes and reaps. */
  private void run(long seconds) {
    for (long s = 0; s < seconds; s++) {
      clock.advance(Duration.ofSeconds(1));
      clients.forEach(Client::poll);
      for (Instance instance : List.of(victim, survivor)) {
        if (instance.alive) {
          instance.heartbeats.flush();
          reaped += instance.reaper.reapOnce();
        }
      }
    }
  }

  /**
   * The victim's last second: its clients' polls reach its memory only, one more join takes its
   * place in the store but its answer is lost, and then it stops; its clients turn to the survivor.
   */
  private void crashVictimWithAJoinUnanswered() {
    clock.advance(Duration.ofSeconds(1));
    clients.forEach(Client::poll);
    victim.joinOne();
    victim.alive = false;
    clients.forEach(c -> c.home = survivor);
  }

  private List<Long> livePositions() {
    return clients.stream()
        .filter(c -> c.polling)
        .map(c -> survivor.status.status(c.token).position())
        .sorted()
        .toList();
  }

  @Test
  void victimDies_silentWaitersAndItsUnansweredJoinAreReapedByTheSurvivorInBoundedTime() {
    clients.get(0).polling = false; // joined through the victim
    clients.get(1).polling = false; // joined through the survivor
    crashVictimWithAJoinUnanswered();

    run(TIMEOUT.toSeconds());
    assertThat(reaped).as("reaped within the timeout").isZero();

    run(FLUSH.plus(FLUSH).plus(REAP_EVERY).toSeconds());
    assertThat(reaped).as("two silent waiters and the unanswered join").isEqualTo(3);
    assertThat(store.stats(EVENT, clock.instant()).waiting()).isEqualTo(4);
    assertThat(livePositions()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void victimDies_waitersWhoMovedOverAreNeverReaped() {
    crashVictimWithAJoinUnanswered();

    run(60);

    assertThat(reaped).as("only the unanswered join").isEqualTo(1);
    assertThat(livePositions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }
}
