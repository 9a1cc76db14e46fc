package io.queuegate.domain.model;

/** The event admits only joins that carry a verified enqueue token. */
public final class EnqueueTokenRequired extends QueueException {
  public EnqueueTokenRequired() {
    super("this event requires an enqueue token");
  }
}
