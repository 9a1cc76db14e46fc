package io.queuegate.domain.port.in;

/** Gives up a place in line. Idempotent; an unknown or malformed token is not an error. */
public interface LeaveQueueUseCase {

  void leave(String waitingToken);
}
