package io.queuegate.adapter.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageLanguageTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ko-KR,ko;q=0.9,en-US;q=0.8 | KO",
        "en-US,en;q=0.9,ko;q=0.8 | EN",
        "fr-FR,ko;q=0.5,en;q=0.4 | KO",
        "fr,de | EN",
        "en;q=0.1,ko;q=0.2 | KO",
        "ko;q=0,en | EN",
        "* | EN",
        "KO | KO",
        "ko;q=abc,en | EN",
        ",,; | EN"
      })
  void header_choosesTheMostPreferredSupportedLanguage(String header, PageLanguage expected) {
    assertThat(PageLanguage.choose(Optional.of(header))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void noHeader_isEnglish() {
    assertThat(PageLanguage.choose(Optional.empty())).isEqualTo(PageLanguage.EN);
  }
}
