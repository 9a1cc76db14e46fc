package io.queuegate.domain.port.in;

/** Gives up a place in line. Idempotent; an unknown or malformed token is not an error. */
public interface LeaveQueueUseCase {

  /**
   * @return whether the token held a place; false for an unknown or malformed token, which the HTTP
   *     adapter counts against the client's unknown-token limit
   */
  boolean leave(String waitingToken);
}
