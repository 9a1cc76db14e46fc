package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {

  @ParameterizedTest
  @CsvSource({
    "/checkout, /checkout",
    "/checkout?step=2, /checkout",
    "/checkout#top, /checkout",
    "'', /",
    "/, /",
    "/%63heckout/pay, /checkout/pay",
    "/static/../checkout, /checkout",
    "/static/%2e%2e/checkout, /checkout",
    "//checkout///pay, /checkout/pay",
    "/checkout;jsessionid=1/pay, /checkout/pay",
    "/a/./b/, /a/b/",
    "/a/b/.., /a/",
    "/../../etc, /etc",
    "\\checkout\\pay, /checkout/pay",
    "https://shop.example/checkout?x=1, /checkout",
    "/%zz, /%zz",
    "/caf%C3%A9, /café",
  })
  void paths_areNormalisedAsOriginsReadThem(String raw, String normalised) {
    assertThat(RequestPath.of(raw).value()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource({
    "/checkout, /checkout, true",
    "/checkout/pay, /checkout, true",
    "/checkouts, /checkout, false",
    "/CHECKOUT, /checkout, true",
    "/cart/x, /cart/, true",
    "/cart, /cart/, false",
    "/anything, /, true",
  })
  void prefixes_matchAtSegmentBoundariesOnly(String path, String prefix, boolean matches) {
    assertThat(RequestPath.of(path).startsWith(prefix, true)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({"/CHECKOUT, /checkout, false", "/checkout, /checkout, true"})
  void caseSensitivePrefixes_compareCase(String path, String prefix, boolean matches) {
    assertThat(RequestPath.of(path).startsWith(prefix, false)).isEqualTo(matches);
  }
}
