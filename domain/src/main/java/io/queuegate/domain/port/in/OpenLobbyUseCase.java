package io.queuegate.domain.port.in;

import io.queuegate.domain.model.Lobby;
import java.util.Map;

/** What the gate's waiting page shows a visitor sent there on the way to {@code returnUrl}. */
public interface OpenLobbyUseCase {

  /**
   * @param host the host the waiting page is served under
   * @param cookies the visitor's cookies by name
   * @throws io.queuegate.domain.model.InvalidReturnUrl when no room of {@code host} protects it
   */
  Lobby open(String returnUrl, String host, Map<String, String> cookies);
}
