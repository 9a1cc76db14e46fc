package io.queuegate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every YAML document under {@code deploy/k8s}, parsed, with small helpers to walk them. */
final class KubernetesManifests {
  /** Failsafe runs in the module folder, so the repository root is one level up. */
  static final Path DIR = Path.of("..", "deploy", "k8s");

  /** One parsed document and the file it came from. */
  record Document(String file, Map<String, Object> root) {
    String kind() {
      return string(root, "kind");
    }

    String name() {
      return string(root, "metadata", "name");
    }
  }

  private final List<Document> documents;

  private KubernetesManifests(List<Document> documents) {
    this.documents = List.copyOf(documents);
  }

  /** Parses every {@code *.yaml} file in {@link #DIR}; a syntax error fails here. */
  static KubernetesManifests load() {
    List<Document> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object doc : yaml().loadAll(Files.readString(file))) {
          if (doc != null) {
            documents.add(new Document(file.getFileName().toString(), asMap(doc)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KubernetesManifests(documents);
  }

  /** {@code application.yaml}'s leaf values by dotted key ({@code queuegate.redis.mode}). */
  static Map<String, Object> applicationConfig() {
    try (InputStream in =
        KubernetesManifests.class.getClassLoader().getResourceAsStream("application.yaml")) {
      Map<String, Object> flat = new LinkedHashMap<>();
      flatten("", asMap(yaml().load(in)), flat);
      return flat;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Document> all() {
    return documents;
  }

  /** The one document of {@code kind}; fails when there is none or more than one. */
  Document only(String kind) {
    List<Document> found = documents.stream().filter(d -> kind.equals(d.kind())).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + " in " + DIR + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The node at {@code path}: map keys as strings, list indexes as integers; null when absent. */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (step instanceof Integer index && current instanceof List<?> list) {
        current = index < list.size() ? list.get(index) : null;
      } else if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else {
        return null;
      }
    }
    return current;
  }

  static String string(Object node, Object... path) {
    Object value = at(node, path);
    return value == null ? null : value.toString();
  }

  static Map<String, Object> map(Object node, Object... path) {
    Object value = at(node, path);
    return value == null ? Map.of() : asMap(value);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, Object... path) {
    Object value = at(node, path);
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("expected a mapping, got " + value);
    }
    return (Map<String, Object>) value;
  }

  private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> out) {
    node.forEach(
        (key, value) -> {
          String path = prefix.isEmpty() ? key : prefix + "." + key;
          if (value instanceof Map<?, ?>) {
            flatten(path, asMap(value), out);
          } else {
            out.put(path, value);
          }
        });
  }

  /** A safe loader: manifests never instantiate Java types. */
  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }
}
