package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitingPageTest {

  @Test
  void emptyOperatorInput_meansNoTargetAndNoTitle() {
    assertThat(WaitingPage.of("", null, TargetDelivery.QUERY)).isEqualTo(WaitingPage.NONE);
  }

  @Test
  void absoluteHttpsTargetAndTitle_areKept() {
    WaitingPage page =
        WaitingPage.of("https://shop.example/book?x=1", "Concert", TargetDelivery.FORM);

    assertThat(page.targetUrl()).contains("https://shop.example/book?x=1");
    assertThat(page.title()).contains("Concert");
    assertThat(page.targetDelivery()).isEqualTo(TargetDelivery.FORM);
  }

  @Test
  void targetOfExactlyTheMaximumLength_isAccepted() {
    String base = "https://shop.example/";
    String url = base + "a".repeat(WaitingPage.MAX_URL_LENGTH - base.length());

    assertThat(WaitingPage.of(url, null, TargetDelivery.QUERY).targetUrl()).contains(url);
  }

  @Test
  void targetLongerThanTheMaximum_isInvalidPolicy() {
    String url = "https://shop.example/" + "a".repeat(WaitingPage.MAX_URL_LENGTH);

    assertThatThrownBy(() -> WaitingPage.of(url, null, TargetDelivery.QUERY))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("2048");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "data:text/html,hi",
        "/relative/path",
        "shop.example/book",
        "ftp://shop.example/",
        "https://",
        "https://shop example/",
        "http:///nohost"
      })
  void targetThatIsNotAnAbsoluteHttpUrl_isInvalidPolicy(String url) {
    assertThatThrownBy(() -> WaitingPage.of(url, null, TargetDelivery.QUERY))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("target_url");
  }

  @Test
  void titleOfTheMaximumLength_isAcceptedAndOneMoreIsNot() {
    String longest = "가".repeat(WaitingPage.MAX_TITLE_LENGTH);

    assertThat(WaitingPage.of(null, longest, TargetDelivery.QUERY).title()).contains(longest);
    assertThatThrownBy(() -> WaitingPage.of(null, longest + "x", TargetDelivery.QUERY))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("title");
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\nbreak", "tab\there", "bell\u0007", "del\u007f"})
  void titleWithControlCharacters_isInvalidPolicy(String title) {
    assertThatThrownBy(() -> WaitingPage.of(null, title, TargetDelivery.QUERY))
        .isInstanceOf(InvalidPolicy.class);
  }

  @Test
  void deliveryWireNames_parseBothWaysAndRejectOthers() {
    assertThat(TargetDelivery.parse("query")).isEqualTo(TargetDelivery.QUERY);
    assertThat(TargetDelivery.parse("form")).isEqualTo(TargetDelivery.FORM);
    assertThat(TargetDelivery.FORM.wireName()).isEqualTo("form");
    assertThatThrownBy(() -> TargetDelivery.parse("FORM")).isInstanceOf(InvalidPolicy.class);
  }

  @Test
  void policyWithoutPageArguments_hasNoPageAndWithPageReplacesOnlyThePage() {
    QueuePolicy defaults = QueuePolicy.defaults();
    WaitingPage page =
        new WaitingPage(Optional.of("https://a.example/"), Optional.empty(), TargetDelivery.QUERY);

    QueuePolicy withPage =
        defaults.toBuilder().page(page).pausedJoins(true).pausedAdmission(true).build();

    assertThat(defaults.page()).isEqualTo(WaitingPage.NONE);
    assertThat(withPage.page()).isEqualTo(page);
    assertThat(
            withPage.toBuilder()
                .page(WaitingPage.NONE)
                .pausedJoins(false)
                .pausedAdmission(false)
                .build())
        .isEqualTo(defaults);
  }
}
