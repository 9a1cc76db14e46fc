package io.queuegate.app;

import io.helidon.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a secret from its config key or from the file named by the {@code <key>-file} key. */
final class Secrets {

  private Secrets() {}

  /** The secret, trimmed, or empty when neither the value nor the file is set. */
  static Optional<String> read(Config config, String key) {
    Optional<String> file = nonBlank(config.get(key + "-file").asString().orElse(""));
    if (file.isPresent()) {
      try {
        return nonBlank(Files.readString(Path.of(file.get())).trim());
      } catch (IOException e) {
        // The path is not secret; the content is never logged.
        throw new UncheckedIOException("cannot read secret file for " + key + ": " + file.get(), e);
      }
    }
    return nonBlank(config.get(key).asString().orElse(""));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
