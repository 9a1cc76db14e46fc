package io.queuegate.domain.model;

/** The ASCII letters and digits that identifiers are built from, without a regular expression. */
final class Alphabet {
  // A table rather than three ranges: the characters of random ids are random, so the range tests
  // mispredict on most of them, and every status call checks its token's 22 to 60 characters twice.
  private static final boolean[] ALPHANUMERIC = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ALPHANUMERIC[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ALPHANUMERIC[c] = true;
      ALPHANUMERIC[Character.toLowerCase(c)] = true;
    }
  }

  private Alphabet() {}

  static boolean isAlphanumeric(char c) {
    return c < ALPHANUMERIC.length && ALPHANUMERIC[c];
  }
}
