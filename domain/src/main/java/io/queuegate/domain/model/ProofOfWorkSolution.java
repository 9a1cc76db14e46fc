package io.queuegate.domain.model;

import java.util.Objects;

/**
 * What a client sends back for a {@link Challenge}: the challenge's fields and the number found.
 */
public record ProofOfWorkSolution(
    String algorithm, String challenge, long number, String salt, String signature) {
  public ProofOfWorkSolution {
    Objects.requireNonNull(algorithm);
    Objects.requireNonNull(challenge);
    Objects.requireNonNull(salt);
    Objects.requireNonNull(signature);
  }
}
