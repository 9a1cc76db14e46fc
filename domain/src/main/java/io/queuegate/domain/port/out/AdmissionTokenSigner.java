package io.queuegate.domain.port.out;

import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.SignedAdmission;

/** Signs and checks admission tokens, and publishes the keys that verify them. */
public interface AdmissionTokenSigner {

  SignedAdmission sign(AdmissionClaims claims);

  /**
   * Checks signature, shape and expiry at {@code now}.
   *
   * @throws io.queuegate.domain.model.InvalidAdmissionToken when any check fails
   */
  AdmissionClaims verify(String token, java.time.Instant now);

  /** The JSON Web Key Set with every published verification key. */
  String jwksJson();
}
