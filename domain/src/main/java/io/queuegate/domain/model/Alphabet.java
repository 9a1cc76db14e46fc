package io.queuegate.domain.model;

/** The ASCII letters and digits that identifiers are built from, without a regular expression. */
final class Alphabet {
  private Alphabet() {}

  static boolean isAlphanumeric(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
