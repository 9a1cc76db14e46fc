package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

  @Test
  void hundredTwentyEightCharacters_areAccepted() {
    assertThat(new UserId("u".repeat(128)).value()).hasSize(128);
  }

  @Test
  void hundredTwentyNineCharacters_areRejected() {
    assertThatThrownBy(() -> new UserId("u".repeat(129))).isInstanceOf(InvalidUserId.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\u0000b", "line\nbreak", "tab\there", "bell\u0007", "del\u007f", "c1\u0085"})
  void controlCharacters_areRejected(String raw) {
    assertThatThrownBy(() -> new UserId(raw)).isInstanceOf(InvalidUserId.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"anonymous", "user@example.com", "Zoë Ünal", "名前", "a b:{c}*"})
  void printableText_isAccepted(String raw) {
    assertThat(new UserId(raw).value()).isEqualTo(raw);
  }

  @Test
  void parseOptionalOfNullOrEmpty_isEmpty() {
    assertThat(UserId.parseOptional(null)).isEmpty();
    assertThat(UserId.parseOptional("")).isEmpty();
  }

  @Test
  void parseOptionalOfBadValue_isRejected() {
    assertThatThrownBy(() -> UserId.parseOptional("x".repeat(129)))
        .isInstanceOf(InvalidUserId.class);
  }

  @Test
  void parseOptionalOfGoodValue_holdsIt() {
    assertThat(UserId.parseOptional("anonymous")).contains(new UserId("anonymous"));
  }
}
