package io.queuegate.adapter.http.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The waiting page's texts per language, read once from {@code <lang>.properties} beside this
 * package's classes.
 */
final class PageStrings {
  private final Map<PageLanguage, Map<String, String>> byLanguage =
      new EnumMap<>(PageLanguage.class);

  PageStrings() {
    for (PageLanguage language : PageLanguage.values()) {
      byLanguage.put(language, load(language.tag() + ".properties"));
    }
  }

  /** Every text of {@code language}, keyed as in the resource. */
  Map<String, String> of(PageLanguage language) {
    return byLanguage.get(language);
  }

  private static Map<String, String> load(String name) {
    Properties properties = new Properties();
    try (InputStream in = PageStrings.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing page resource " + name);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> texts = new TreeMap<>();
    properties.forEach((k, v) -> texts.put((String) k, (String) v));
    return Map.copyOf(texts);
  }
}
