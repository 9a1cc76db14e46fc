package io.queuegate.domain.service;

import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.ProofOfWorkSolution;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Solves ALTCHA challenges the way a client does: tries 0..maxnumber until the hash matches. */
final class Solver {
  private Solver() {}

  static ProofOfWorkSolution solve(Challenge c) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (long n = 0; n <= c.maxNumber(); n++) {
        String hex =
            HexFormat.of().formatHex(sha.digest((c.salt() + n).getBytes(StandardCharsets.UTF_8)));
        if (hex.equals(c.challenge())) {
          return new ProofOfWorkSolution(c.algorithm(), c.challenge(), n, c.salt(), c.signature());
        }
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("no number up to maxnumber solves " + c);
  }

  /** {@code solution} with another number. */
  static ProofOfWorkSolution withNumber(ProofOfWorkSolution s, long number) {
    return new ProofOfWorkSolution(s.algorithm(), s.challenge(), number, s.salt(), s.signature());
  }
}
