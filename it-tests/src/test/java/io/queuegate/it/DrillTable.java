package io.queuegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The small table every drill prints: load held, faults injected, requests failed by status code,
 * acknowledged joins lost and recovery time, plus drill-specific rows. Also written as Markdown to
 * {@code target/drill-reports/} so the numbers can be copied into docs/resilience.md.
 */
final class DrillTable {
  private final String title;
  private final Map<String, String> rows = new LinkedHashMap<>();

  DrillTable(String title) {
    this.title = title + " (" + DrillMode.current().label() + " form)";
  }

  DrillTable row(String name, Object value) {
    rows.put(name, String.valueOf(value));
    return this;
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("#### ").append(title).append("\n\n");
    sb.append("| measure | value |\n| --- | --- |\n");
    rows.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return sb.toString();
  }

  /** Prints the table and saves it; call before the assertions so a failing drill still reports. */
  void print() {
    String text = markdown();
    System.out.println("\n" + text);
    String dir = System.getProperty("drill.reports");
    if (dir == null) {
      return;
    }
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    try {
      Path path = Path.of(dir);
      Files.createDirectories(path);
      Files.writeString(path.resolve(slug + ".md"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
