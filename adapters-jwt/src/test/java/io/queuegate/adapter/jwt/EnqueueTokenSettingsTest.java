package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnqueueTokenSettingsTest {

  private static final String SECRET = "shop-secret-0123456789abcdef0123456789";

  @Test
  void secretShorterThan32Bytes_isRejectedAtConstruction() {
    assertThatThrownBy(
            () ->
                new EnqueueTokenSettings(
                    Optional.empty(), Optional.of("x".repeat(31)), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void secretOf32Bytes_isEnabled() {
    var settings =
        new EnqueueTokenSettings(
            Optional.of("shop"), Optional.of("x".repeat(32)), Optional.empty());

    assertThat(settings.enabled()).isTrue();
  }

  @Test
  void jwkSetAlone_isEnabled() {
    var settings =
        new EnqueueTokenSettings(
            Optional.of("shop"), Optional.empty(), Optional.of("{\"keys\":[]}"));

    assertThat(settings.enabled()).isTrue();
  }

  @Test
  void blankValues_areTreatedAsAbsent() {
    var settings = new EnqueueTokenSettings(Optional.of(""), Optional.of(" "), Optional.of(""));

    assertThat(settings).isEqualTo(EnqueueTokenSettings.disabled());
    assertThat(settings.enabled()).isFalse();
  }

  @Test
  void toString_hidesTheSecret() {
    var settings =
        new EnqueueTokenSettings(Optional.of("shop"), Optional.of(SECRET), Optional.empty());

    assertThat(settings.toString()).contains("shop").doesNotContain(SECRET);
  }

  @Test
  void unreadableJwkSet_failsWhenTheVerifierIsBuilt() {
    var settings =
        new EnqueueTokenSettings(Optional.of("shop"), Optional.empty(), Optional.of("{not json"));

    assertThatThrownBy(() -> new JwtEnqueueTokenVerifier(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JWK set");
  }

  @Test
  void jwkSetWithoutSigningKeys_failsWhenTheVerifierIsBuilt() throws Exception {
    OctetSequenceKey secretKey = new OctetSequenceKeyGenerator(256).keyID("oct").generate();
    var settings =
        new EnqueueTokenSettings(
            Optional.of("shop"),
            Optional.empty(),
            Optional.of(new JWKSet(secretKey).toString(false)));

    assertThatThrownBy(() -> new JwtEnqueueTokenVerifier(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no RSA");
  }

  @Test
  void secretWithoutIssuer_isRejectedAtConstruction() {
    assertThatThrownBy(
            () -> new EnqueueTokenSettings(Optional.empty(), Optional.of(SECRET), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enqueue-token issuer");
  }

  @Test
  void jwkSetWithoutIssuer_isRejectedAtConstruction() {
    assertThatThrownBy(
            () ->
                new EnqueueTokenSettings(
                    Optional.empty(), Optional.empty(), Optional.of("{\"keys\":[]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enqueue-token issuer");
  }
}
