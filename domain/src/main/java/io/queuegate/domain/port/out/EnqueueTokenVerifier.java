package io.queuegate.domain.port.out;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import java.time.Instant;

/** Checks enqueue tokens signed by the selling site and names the person they vouch for. */
public interface EnqueueTokenVerifier {

  /**
   * @throws io.queuegate.domain.model.InvalidEnqueueToken for a bad signature, issuer, expiry, or
   *     an audience other than {@code eventId}
   */
  Identity verify(String token, EventId eventId, Instant now);
}
