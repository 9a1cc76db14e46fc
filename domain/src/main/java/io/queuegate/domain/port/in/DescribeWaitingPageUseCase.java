package io.queuegate.domain.port.in;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaitingPage;

/** The public part of an event's policy that its waiting page needs: title and target. */
public interface DescribeWaitingPageUseCase {

  /** The event's page settings; {@link WaitingPage#NONE} when the event has none. */
  WaitingPage page(EventId eventId);
}
