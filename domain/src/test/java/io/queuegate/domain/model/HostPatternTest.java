package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

  @ParameterizedTest
  @CsvSource({
    "Shop.Example.com:8443, shop.example.com",
    "shop.example.com., shop.example.com",
    "127.0.0.1:80, 127.0.0.1",
    "[::1]:8080, [::1]",
    "'', ''",
  })
  void requestHosts_loseCasePortAndTrailingDot(String header, String normalised) {
    assertThat(HostPattern.normalize(header)).isEqualTo(normalised);
  }

  @Test
  void exactName_matchesOnlyItself() {
    HostPattern host = HostPattern.parse("Shop.Example.com");

    assertThat(host.matches("shop.example.com")).isTrue();
    assertThat(host.matches("www.shop.example.com")).isFalse();
  }

  @Test
  void wildcard_matchesSubdomainsButNotTheDomainItself() {
    HostPattern host = HostPattern.parse("*.example.com");

    assertThat(host.matches("shop.example.com")).isTrue();
    assertThat(host.matches("a.b.example.com")).isTrue();
    assertThat(host.matches("example.com")).isFalse();
    assertThat(host.matches("badexample.com")).isFalse();
  }

  @Test
  void exactNames_areMoreSpecificThanAnyWildcard_andLongerWildcardsThanShorter() {
    assertThat(HostPattern.parse("a.io").specificity())
        .isGreaterThan(HostPattern.parse("*.very.long.example.com").specificity());
    assertThat(HostPattern.parse("*.shop.example.com").specificity())
        .isGreaterThan(HostPattern.parse("*.example.com").specificity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "shop example", "shop_example.com", "*.", "a..b", "-a.com", "a:80"})
  void malformedHosts_areRefused(String raw) {
    assertThatThrownBy(() -> HostPattern.parse(raw))
        .isInstanceOfSatisfying(
            InvalidRoom.class, e -> assertThat(e.field()).isEqualTo(RoomField.HOST));
  }
}
