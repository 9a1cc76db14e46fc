package io.queuegate.domain.service;

import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.LeaveQueueUseCase;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Gives up a place in line; unknown and malformed tokens are quietly accepted. */
public final class LeaveQueueService implements LeaveQueueUseCase {
  private final WaitingLine line;
  private final HeartbeatCoalescer heartbeats;
  private final QueueMetrics metrics;
  private final Clock clock;

  public LeaveQueueService(
      WaitingLine line, HeartbeatCoalescer heartbeats, QueueMetrics metrics, Clock clock) {
    this.line = Objects.requireNonNull(line);
    this.heartbeats = Objects.requireNonNull(heartbeats);
    this.metrics = Objects.requireNonNull(metrics);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public boolean leave(String waitingToken) {
    Optional<WaitingToken> parsed = WaitingToken.parse(waitingToken);
    if (parsed.isEmpty()) {
      // Leaving is idempotent and answers 200 for any token, as the old gateway did.
      return false;
    }
    WaitingToken token = parsed.get();
    boolean left = line.leave(token.eventId(), token.waiterId(), clock.instant());
    if (left) {
      metrics.left(token.eventId());
    }
    heartbeats.forget(token.eventId(), token.waiterId());
    return left;
  }
}
