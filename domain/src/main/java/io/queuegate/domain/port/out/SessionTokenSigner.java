package io.queuegate.domain.port.out;

import io.queuegate.domain.model.Session;
import java.util.Optional;

/**
 * Signs the gate's session cookies and checks them without a store read. Whether a session is still
 * live is the domain's question, not the signer's.
 */
public interface SessionTokenSigner {

  /** The cookie value for {@code session}. */
  String sign(Session session);

  /** The session a cookie value holds when its signature and shape check; empty otherwise. */
  Optional<Session> verify(String token);
}
