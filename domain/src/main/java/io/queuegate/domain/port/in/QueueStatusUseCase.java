package io.queuegate.domain.port.in;

/** Tells a waiter where it stands; the call is also its heartbeat. */
public interface QueueStatusUseCase {

  /**
   * @param waitingToken the token as the client sent it; malformed means not found
   * @throws io.queuegate.domain.model.WaiterNotFound when unknown, malformed, left or admitted
   * @throws io.queuegate.domain.model.WaiterExpired when reaped for inactivity
   */
  io.queuegate.domain.model.WaiterStatus status(String waitingToken);
}
