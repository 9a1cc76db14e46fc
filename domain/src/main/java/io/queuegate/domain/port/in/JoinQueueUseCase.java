package io.queuegate.domain.port.in;

/** Puts a person in an event's line. */
public interface JoinQueueUseCase {

  /**
   * @throws io.queuegate.domain.model.EventPaused while joins are paused
   * @throws io.queuegate.domain.model.QueueFull when the line is at max_waiting
   * @throws io.queuegate.domain.model.EnqueueTokenRequired when the policy requires a token
   * @throws io.queuegate.domain.model.InvalidEnqueueToken when the token does not verify
   */
  io.queuegate.domain.model.JoinReceipt join(JoinCommand command);
}
