package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnUrlTest {

  @Test
  void path_staysOnThePagesHost() {
    ReturnUrl url = ReturnUrl.parse("/checkout/pay?seat=4", "Shop.example:8443");

    assertThat(url.host()).isEqualTo("shop.example");
    assertThat(url.path().value()).isEqualTo("/checkout/pay");
    assertThat(url.target()).isEqualTo("/checkout/pay?seat=4");
  }

  @Test
  void absoluteUrlOnThePagesHost_isKeptAsGiven() {
    ReturnUrl url = ReturnUrl.parse("https://shop.example/checkout?x=%2F", "shop.example");

    assertThat(url.target()).isEqualTo("https://shop.example/checkout?x=%2F");
    assertThat(url.path().value()).isEqualTo("/checkout");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/checkout",
        "//evil.example/checkout",
        "https://shop.example@evil.example/",
        "https://user@shop.example/",
        "javascript:alert(1)",
        "/checkout\\..\\x",
        "/a b",
        "ftp://shop.example/",
        "checkout",
        ""
      })
  void urlsThatLeaveTheHostOrAreMalformed_areRefused(String raw) {
    assertThatThrownBy(() -> ReturnUrl.parse(raw, "shop.example"))
        .isInstanceOf(InvalidReturnUrl.class);
  }
}
