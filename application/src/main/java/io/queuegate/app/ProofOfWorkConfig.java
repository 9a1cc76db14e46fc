package io.queuegate.app;

import io.queuegate.domain.service.ProofOfWorkSettings;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The proof-of-work configuration as read: the shared secret, when set, and the rates. */
public record ProofOfWorkConfig(
    Optional<String> secret,
    Duration challengeTtl,
    double prefixRatePerSec,
    double eventRatePerSec,
    Duration window) {
  private static final System.Logger LOG = System.getLogger(ProofOfWorkConfig.class.getName());

  public ProofOfWorkConfig {
    Objects.requireNonNull(secret);
    Objects.requireNonNull(challengeTtl);
    Objects.requireNonNull(window);
  }

  /** The domain's settings; without a secret, one drawn for this process alone (and a warning). */
  ProofOfWorkSettings settings() {
    byte[] key;
    if (secret.isPresent()) {
      key = secret.get().getBytes(StandardCharsets.UTF_8);
    } else {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      LOG.log(
          Level.INFO,
          "queuegate.proof-of-work.secret is not set: challenges verify only on this instance");
    }
    return new ProofOfWorkSettings(key, challengeTtl, prefixRatePerSec, eventRatePerSec, window);
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "ProofOfWorkConfig[secret=" + (secret.isPresent() ? "<set>" : "<none>") + "]";
  }
}
