package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"", "checkout", "/a//b", "/a/../b", "/a/./b", "/a?x", "/a#x", "/a%20", "/a b"})
  void prefixesThatAreNotNormalisedPaths_areRefused(String raw) {
    assertThatThrownBy(() -> PathPattern.prefix(raw, RoomField.PATH_PREFIXES))
        .isInstanceOfSatisfying(
            InvalidRoom.class, e -> assertThat(e.field()).isEqualTo(RoomField.PATH_PREFIXES));
  }

  @Test
  void extensionRule_matchesFilesOfThatExtensionAnywhere() {
    PathPattern css = PathPattern.bypass("*.CSS");

    assertThat(css.matches(RequestPath.of("/static/site.css?v=3"), false)).isTrue();
    assertThat(css.matches(RequestPath.of("/checkout/SITE.CSS"), false)).isTrue();
    assertThat(css.matches(RequestPath.of("/checkout.css.html"), false)).isFalse();
    assertThat(css.matches(RequestPath.of("/.css"), false)).isTrue();
  }

  @Test
  void extensionRules_areForBypassOnly() {
    assertThatThrownBy(() -> PathPattern.prefix("*.css", RoomField.PATH_PREFIXES))
        .isInstanceOf(InvalidRoom.class);
  }
}
