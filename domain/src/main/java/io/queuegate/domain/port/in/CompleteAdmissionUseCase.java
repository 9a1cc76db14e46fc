package io.queuegate.domain.port.in;

/**
 * The backend says an admitted visitor is done (the order is placed): the admission stops counting
 * against the active limit and its gate session ends on every instance.
 */
public interface CompleteAdmissionUseCase {

  /**
   * @throws io.queuegate.domain.model.InvalidAdmissionToken for a bad signature, shape or expiry
   */
  void complete(String admissionToken);
}
