package io.queuegate.domain.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The proof-of-work secret (the HMAC key every instance shares), how long a challenge stays valid,
 * and the adaptive difficulty's rates: a prefix asking more than {@code prefixRatePerSec}
 * challenges or an event with more than {@code eventRatePerSec} solved joins a second (rates
 * averaged over about {@code window}) gets harder challenges.
 */
public record ProofOfWorkSettings(
    byte[] secret,
    Duration challengeTtl,
    double prefixRatePerSec,
    double eventRatePerSec,
    Duration window) {
  public ProofOfWorkSettings {
    Objects.requireNonNull(secret);
    Objects.requireNonNull(challengeTtl);
    Objects.requireNonNull(window);
    if (secret.length < 32) {
      throw new IllegalArgumentException("the proof-of-work secret needs at least 32 bytes");
    }
    if (challengeTtl.toSeconds() < 1 || window.toMillis() < 1) {
      throw new IllegalArgumentException("challenge ttl and window must be positive");
    }
    if (!(prefixRatePerSec > 0) || !(eventRatePerSec > 0)) {
      throw new IllegalArgumentException("rates must be above 0");
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProofOfWorkSettings s
        && Arrays.equals(secret, s.secret)
        && challengeTtl.equals(s.challengeTtl)
        && prefixRatePerSec == s.prefixRatePerSec
        && eventRatePerSec == s.eventRatePerSec
        && window.equals(s.window);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(secret), challengeTtl, window);
  }

  @Override
  public String toString() {
    return "ProofOfWorkSettings[secret=<hidden>, challengeTtl=" + challengeTtl + "]";
  }
}
