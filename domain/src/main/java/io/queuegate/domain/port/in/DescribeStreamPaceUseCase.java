package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StreamPace;

/** The part of an event's policy that paces its event streams: ready window and heartbeat. */
public interface DescribeStreamPaceUseCase {

  /**
   * @throws io.queuegate.domain.model.StoreUnavailableException when the policy cannot be read
   */
  StreamPace pace(EventId eventId);
}
