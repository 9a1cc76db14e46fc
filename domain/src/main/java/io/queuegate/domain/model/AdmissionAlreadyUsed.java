package io.queuegate.domain.model;

/** A single-use admission token was consumed before. */
public final class AdmissionAlreadyUsed extends QueueException {
  public AdmissionAlreadyUsed() {
    super("admission token was already used");
  }
}
