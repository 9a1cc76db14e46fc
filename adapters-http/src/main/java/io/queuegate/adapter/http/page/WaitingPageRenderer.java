package io.queuegate.adapter.http.page;

import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaitingPage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the waiting page's HTML template. Every text, the operator's title included, is
 * HTML-escaped; the settings for the script go into a JSON block whose {@code <}, {@code >} and
 * {@code &} are escaped too, so no value can end the script element.
 */
final class WaitingPageRenderer {
  private static final Pattern SLOT = Pattern.compile("\\$\\{([a-zA-Z.]+)}");

  private final String template =
      new String(PageResources.bytes("waiting-page.html"), StandardCharsets.UTF_8);
  private final PageStrings strings = new PageStrings();

  String render(EventId eventId, WaitingPage page, PageLanguage language) {
    return render(eventId, page, language, "/", Map.of());
  }

  /**
   * The page with its script and style under {@code base} (a path ending in '/'), and {@code more}
   * settings for the script, such as the gate's.
   */
  String render(
      EventId eventId,
      WaitingPage page,
      PageLanguage language,
      String base,
      Map<String, Object> more) {
    Map<String, String> texts = strings.of(language);
    String title = page.title().orElse(texts.get("title.default"));
    Map<String, String> slots = new LinkedHashMap<>(texts);
    slots.put("lang", language.tag());
    slots.put("title", title);
    slots.put("base", base);
    // The published shuffle of a scheduled sale (docs/fairness.md#check); event ids need no escape.
    slots.put("shuffleUrl", base + "api/v1/events/" + eventId.value() + "/shuffle");
    // The public log a receipt is checked against (docs/fairness.md#receipt).
    slots.put("logUrl", base + "api/v1/events/" + eventId.value() + "/log");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("eventId", eventId.value());
    config.put("lang", language.tag());
    config.put("targetUrl", page.targetUrl().orElse(null));
    config.put("delivery", page.targetDelivery().wireName());
    config.put("strings", texts);
    config.putAll(more);
    Matcher m = SLOT.matcher(template);
    StringBuilder html = new StringBuilder(template.length() + 4096);
    while (m.find()) {
      String key = m.group(1);
      String value =
          key.equals("config") ? scriptSafeJson(config) : escapeHtml(slots.getOrDefault(key, ""));
      m.appendReplacement(html, Matcher.quoteReplacement(value));
    }
    m.appendTail(html);
    return html.toString();
  }

  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String scriptSafeJson(Object value) {
    // These characters occur only inside JSON strings, where the \\u escapes mean the same.
    return new String(Json.write(value), StandardCharsets.UTF_8)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026");
  }
}
