package io.queuegate.domain.port.in;

import io.queuegate.domain.model.GateEntry;

/**
 * Lets a ready waiter of a room's line in: the enter step, then a session cookie and the way back
 * to the page the visitor first asked for.
 */
public interface EnterGateUseCase {

  /**
   * @param returnUrl where the visitor goes once admitted; it names the room
   * @param host the host the waiting page was served under
   * @throws io.queuegate.domain.model.InvalidReturnUrl when no room of {@code host} protects it
   * @throws io.queuegate.domain.model.NotReady when the waiter may not enter yet
   */
  GateEntry enter(String waitingToken, String returnUrl, String host);
}
