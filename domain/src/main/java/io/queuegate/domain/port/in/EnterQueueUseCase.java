package io.queuegate.domain.port.in;

/** Lets a ready waiter into the booking flow, at most once, and mints its admission token. */
public interface EnterQueueUseCase {

  /**
   * @throws io.queuegate.domain.model.NotReady when outside the window, out of capacity or paused
   * @throws io.queuegate.domain.model.WaiterNotFound when unknown, malformed, left or admitted
   * @throws io.queuegate.domain.model.WaiterExpired when reaped for inactivity
   */
  io.queuegate.domain.model.AdmissionGrant enter(String waitingToken);
}
