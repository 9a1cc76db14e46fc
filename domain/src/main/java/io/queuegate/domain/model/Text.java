package io.queuegate.domain.model;

/** Checks on free text an operator or a client sends. */
final class Text {
  private Text() {}

  /** Whether {@code value} holds no control character (line breaks and tabs included). */
  static boolean isPrintable(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
