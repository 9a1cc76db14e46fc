package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptchaPolicyTest {

  @Test
  void providerWithoutSiteKey_isRefused() {
    assertThatThrownBy(() -> CaptchaPolicy.of("hcaptcha", "", CaptchaOutage.ADMIT))
        .isInstanceOfSatisfying(
            InvalidPolicy.class,
            e -> assertThat(e.field()).isEqualTo(PolicyField.CAPTCHA_SITE_KEY));
  }

  @Test
  void unknownProvider_isRefused() {
    assertThatThrownBy(() -> CaptchaPolicy.of("friendly", "key", CaptchaOutage.ADMIT))
        .isInstanceOfSatisfying(
            InvalidPolicy.class,
            e -> assertThat(e.field()).isEqualTo(PolicyField.CAPTCHA_PROVIDER));
  }

  @Test
  void siteKeyWithMarkup_isRefused() {
    assertThatThrownBy(() -> CaptchaPolicy.of("turnstile", "a\"><script>", CaptchaOutage.ADMIT))
        .isInstanceOfSatisfying(
            InvalidPolicy.class,
            e -> assertThat(e.field()).isEqualTo(PolicyField.CAPTCHA_SITE_KEY));
  }

  @Test
  void unknownOutagePolicy_isRefused() {
    assertThatThrownBy(() -> CaptchaOutage.parse("maybe"))
        .isInstanceOfSatisfying(
            InvalidPolicy.class,
            e -> assertThat(e.field()).isEqualTo(PolicyField.CAPTCHA_ON_OUTAGE));
  }

  @Test
  void emptyProvider_meansNone() {
    CaptchaPolicy none = CaptchaPolicy.of("", "", CaptchaOutage.REFUSE);

    assertThat(none.required()).isFalse();
    assertThat(CaptchaPolicy.of("recaptcha", "6Le-key_1.x", CaptchaOutage.REFUSE).provider())
        .contains(CaptchaProvider.RECAPTCHA);
  }

  @Test
  void overlongToken_isInvalidWithoutAskingAnyone() {
    String longToken = "x".repeat(CaptchaAnswer.MAX_TOKEN_LENGTH + 1);

    assertThatThrownBy(() -> new CaptchaAnswer(longToken, Optional.empty()))
        .isInstanceOf(InvalidCaptcha.class);
  }
}
