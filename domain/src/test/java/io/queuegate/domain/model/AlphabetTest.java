package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlphabetTest {

  @Test
  void isAlphanumeric_isTrueForAsciiLettersAndDigitsOnly_overEveryChar() {
    for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      boolean expected = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      assertThat(Alphabet.isAlphanumeric(c)).as("U+%04X", i).isEqualTo(expected);
    }
  }
}
