package io.queuegate.adapter.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageStringsTest {
  private final PageStrings strings = new PageStrings();

  @Test
  void everyLanguage_hasEveryText_soNoPersonSeesAKeyInsteadOfASentence() {
    var english = strings.of(PageLanguage.values()[0]).keySet();
    for (PageLanguage language : PageLanguage.values()) {
      assertThat(strings.of(language).keySet()).as(language.tag()).isEqualTo(english);
    }
  }

  @Test
  void proofOfWorkTexts_arePresent_forTheAnnouncementsAndTheInsecureContext() {
    for (PageLanguage language : PageLanguage.values()) {
      assertThat(strings.of(language))
          .as(language.tag())
          .containsKeys(
              "status.solving",
              "status.solvingHalf",
              "status.solved",
              "error.solve",
              "error.insecure",
              "label.puzzle");
    }
  }
}
