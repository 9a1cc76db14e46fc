package io.queuegate.domain.model;

/** A person verified by the selling site's enqueue token (its {@code sub}); one place per event. */
public record Identity(String subject) {
  public Identity {
    if (subject == null || subject.isBlank() || subject.length() > 256) {
      throw new InvalidEnqueueToken("sub must be 1 to 256 characters");
    }
  }
}
