package io.queuegate.adapter.http.page;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The waiting page's languages, and the choice among them from an Accept-Language header. */
enum PageLanguage {
  EN,
  KO;

  /** The BCP 47 tag, also the name of the strings resource. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The supported language the client prefers most (highest q, then first listed), or English.
   * Malformed parts are skipped rather than refused: a page must always render.
   */
  static PageLanguage choose(Optional<String> acceptLanguage) {
    return acceptLanguage.stream()
        .flatMap(header -> Stream.of(header.split(",")))
        .map(Preference::parse)
        .flatMap(Optional::stream)
        .filter(p -> p.quality() > 0)
        .sorted(Comparator.comparingDouble(Preference::quality).reversed())
        .map(Preference::language)
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(EN);
  }

  private record Preference(String range, double quality) {
    static Optional<Preference> parse(String part) {
      String[] pieces = part.trim().split(";", -1);
      String range = pieces[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String param = pieces[i].trim();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
      }
      return range.isEmpty() ? Optional.empty() : Optional.of(new Preference(range, q));
    }

    Optional<PageLanguage> language() {
      String primary = range.split("-", 2)[0];
      for (PageLanguage language : values()) {
        if (language.tag().equals(primary)) {
          return Optional.of(language);
        }
      }
      return Optional.empty();
    }
  }
}
