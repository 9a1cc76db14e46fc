package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Small builders shared by the service tests. */
final class TestWaiters {
  /** The position methods of the test stores. */
  static final PositionMethod INDEX = new PositionMethod("index");

  static final PositionMethod SCAN = new PositionMethod("scan");

  static final EventId EVENT = new EventId("concert-2030");

  static final FakeEtaStamps STAMPS = new FakeEtaStamps("a test secret");

  private TestWaiters() {}

  static Waiter waiter(EventId eventId, long sequence, Optional<UserId> userId, Instant joinedAt) {
    return new Waiter(eventId, WaiterId.random(), sequence, userId, Optional.empty(), joinedAt);
  }

  static Waiter waiter(Instant joinedAt) {
    return waiter(EVENT, 1, Optional.empty(), joinedAt);
  }

  static WaiterStanding standing(Waiter waiter, long position) {
    return new WaiterStanding(waiter, position, INDEX);
  }

  /** The defaults with another ready window, rate and heartbeat timeout. */
  static QueuePolicy policy(long readyWindow, double ratePerSec, Duration heartbeatTimeout) {
    QueuePolicy d = QueuePolicy.defaults();
    return QueuePolicy.builder()
        .readyWindow(readyWindow)
        .admissionRatePerSec(ratePerSec)
        .admissionBurst(d.admissionBurst())
        .maxActive(d.maxActive())
        .maxWaiting(d.maxWaiting())
        .heartbeatTimeout(heartbeatTimeout)
        .admissionTtl(d.admissionTtl())
        .build();
  }
}
