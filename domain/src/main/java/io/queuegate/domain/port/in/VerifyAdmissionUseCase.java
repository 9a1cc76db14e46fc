package io.queuegate.domain.port.in;

/** Lets the booking backend check an admission token, optionally using it up. */
public interface VerifyAdmissionUseCase {

  /**
   * @throws io.queuegate.domain.model.InvalidAdmissionToken for a bad signature, shape or expiry
   * @throws io.queuegate.domain.model.AdmissionAlreadyUsed when {@code consume} and used before
   */
  io.queuegate.domain.model.AdmissionClaims verify(String admissionToken, boolean consume);
}
