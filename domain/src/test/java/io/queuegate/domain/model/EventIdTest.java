package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "concert-2030", "A.b_C-9", "0123456789"})
  void allowedCharacters_areAccepted(String raw) {
    assertThat(new EventId(raw).value()).isEqualTo(raw);
  }

  @Test
  void sixtyFourCharacters_areAccepted() {
    assertThat(new EventId("e".repeat(64)).value()).hasSize(64);
  }

  @Test
  void sixtyFiveCharacters_areRejected() {
    assertThatThrownBy(() -> new EventId("e".repeat(65))).isInstanceOf(InvalidEventId.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a{b", "a}b", "{a}", "a*", "a:b", "a b", " a", "a\t", "a\n", "ä", "a/b", "a~b"})
  void charactersThatCouldReachOtherKeys_areRejected(String raw) {
    assertThatThrownBy(() -> new EventId(raw)).isInstanceOf(InvalidEventId.class);
  }

  @Test
  void everyCharacterUpToLatinExtended_isAcceptedExactlyWhenTheSpecificationAllowsIt() {
    String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    for (char c = 0; c < 0x250; c++) {
      String raw = "e" + c;

      assertThat(EventId.isWellFormed(raw))
          .as("U+%04X", (int) c)
          .isEqualTo(allowed.indexOf(c) >= 0);
    }
  }

  @Test
  void equalValues_areEqualIdsWithEqualHashes() {
    EventId one = new EventId("tour-2026");
    EventId other = new EventId(new String("tour-2026"));

    assertThat(one)
        .isEqualTo(other)
        .hasSameHashCodeAs(other)
        .isNotEqualTo(new EventId("tour-2027"));
    assertThat(one).isNotEqualTo("tour-2026");
  }

  @Test
  void parseOfNullOrEmpty_isMissingEventId() {
    assertThatThrownBy(() -> EventId.parse(null)).isInstanceOf(MissingEventId.class);
    assertThatThrownBy(() -> EventId.parse("")).isInstanceOf(MissingEventId.class);
  }

  @Test
  void parseOfBadCharacters_isInvalidEventId() {
    assertThatThrownBy(() -> EventId.parse("a:b")).isInstanceOf(InvalidEventId.class);
  }

  @Test
  void constructorOfNull_isInvalidEventId() {
    assertThatThrownBy(() -> new EventId(null)).isInstanceOf(InvalidEventId.class);
  }
}
