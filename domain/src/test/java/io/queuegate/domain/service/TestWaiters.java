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
  static final EventId EVENT = new EventId("concert-2030");

  private TestWaiters() {}

  static Waiter waiter(EventId eventId, long sequence, Optional<UserId> userId, Instant joinedAt) {
    return new Waiter(eventId, WaiterId.random(), sequence, userId, Optional.empty(), joinedAt);
  }

  static Waiter waiter(Instant joinedAt) {
    return waiter(EVENT, 1, Optional.empty(), joinedAt);
  }

  static WaiterStanding standing(Waiter waiter, long position) {
    return new WaiterStanding(waiter, position, PositionMethod.POSITION_INDEX);
  }

  /** The defaults with another ready window, rate and heartbeat timeout. */
  static QueuePolicy policy(long readyWindow, double ratePerSec, Duration heartbeatTimeout) {
    QueuePolicy d = QueuePolicy.defaults();
    return new QueuePolicy(
        readyWindow,
        ratePerSec,
        d.admissionBurst(),
        d.maxActive(),
        d.maxWaiting(),
        heartbeatTimeout,
        d.admissionTtl(),
        false,
        false,
        false);
  }
}
