package io.queuegate.adapter.http.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

  @Test
  void configuredOrigins_areKeptAsABrowserSendsThem() {
    CorsPolicy policy =
        CorsPolicy.allowing(
            List.of(" HTTPS://Shop.Example:443/ ", "http://localhost:8080", "http://a.example:80"));

    assertThat(policy.allowedOrigins())
        .containsExactlyInAnyOrder(
            "https://shop.example", "http://localhost:8080", "http://a.example");
    assertThat(policy.allows("https://shop.example")).isTrue();
    assertThat(policy.allows("https://shop.example:443")).isFalse();
    assertThat(policy.allows("https://SHOP.example")).isFalse();
  }

  @Test
  void noOrigins_isOff() {
    assertThat(CorsPolicy.NONE.enabled()).isFalse();
    assertThat(CorsPolicy.allowing(List.of()).enabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "null",
        "shop.example",
        "ftp://shop.example",
        "https://shop.example/path",
        "https://user@shop.example",
        "https://shop.example?x=1",
        "https://"
      })
  void anythingButABareHttpOrigin_isRefusedWithTheRule(String origin) {
    assertThatThrownBy(() -> CorsPolicy.allowing(List.of(origin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme://host[:port]");
  }
}
