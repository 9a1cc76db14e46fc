package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventOverview;

/** An operator's view of one event: policy and live stats. */
public interface DescribeEventUseCase {

  EventOverview describe(EventId eventId);
}
