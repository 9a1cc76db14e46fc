package io.queuegate.domain.model;

/**
 * The shuffle's public value cannot be set: the sale has opened, the policy names no public value,
 * or another value was set before. The message says which.
 */
public final class ShuffleLocked extends QueueException {
  public ShuffleLocked(String why) {
    super(why);
  }
}
