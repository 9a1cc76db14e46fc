package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaiterIdTest {

  @Test
  void randomIds_areWellFormedAndDistinct() {
    Set<WaiterId> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      WaiterId id = WaiterId.random();
      assertThat(WaiterId.isWellFormed(id.value())).isTrue();
      assertThat(id.value()).hasSize(22).matches("[A-Za-z0-9_-]+");
      seen.add(id);
    }
    assertThat(seen).hasSize(1_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "short",
        "AAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAA+AAAAAAAAAAA",
        "AAAAAAAAAA/AAAAAAAAAAA",
        "AAAAAAAAAA=AAAAAAAAAAA"
      })
  void badShapes_areNotFound(String raw) {
    assertThat(WaiterId.isWellFormed(raw)).isFalse();
    assertThatThrownBy(() -> new WaiterId(raw)).isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void everyCharacterUpToLatinExtended_isAcceptedExactlyWhenItIsUrlSafeBase64() {
    String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    for (char c = 0; c < 0x250; c++) {
      String raw = "A".repeat(21) + c;

      assertThat(WaiterId.isWellFormed(raw))
          .as("U+%04X", (int) c)
          .isEqualTo(allowed.indexOf(c) >= 0);
    }
  }

  @Test
  void nullId_isNotFound() {
    assertThat(WaiterId.isWellFormed(null)).isFalse();
    assertThatThrownBy(() -> new WaiterId(null)).isInstanceOf(WaiterNotFound.class);
  }
}
