package io.queuegate.domain.model;

/** The admission token has a bad signature, a wrong shape or has expired. */
public final class InvalidAdmissionToken extends QueueException {
  public InvalidAdmissionToken(String reason) {
    super("invalid admission token: " + reason);
  }
}
