package io.queuegate.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The adapter's main sources as text, read from the module directory the tests run in. */
final class AdapterSources {
  static final Path SCRIPTS = Path.of("src/main/resources/io/queuegate/adapter/redis");
  static final Path JAVA = Path.of("src/main/java");

  private AdapterSources() {}

  /** Every Lua script and library: file name to text. */
  static Map<String, String> lua() {
    return read(SCRIPTS, ".lua");
  }

  /** Every Java source of the adapter: path to text. */
  static Map<String, String> java() {
    return read(JAVA, ".java");
  }

  /** One script or library without the libraries it is loaded with. */
  static String lua(String name) {
    return lua().get(name + ".lua");
  }

  private static Map<String, String> read(Path root, String suffix) {
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("run from the adapters-redis module: no " + root);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(suffix))
          .collect(
              Collectors.toMap(
                  f -> root.relativize(f).toString(),
                  AdapterSources::text,
                  (a, b) -> a,
                  TreeMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
