package io.queuegate.app;

import io.queuegate.adapter.http.operations.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the service name, version, commit and build time that the build wrote into the jar. */
final class VersionReader {
  private static final String RESOURCE = "/queuegate-version.properties";

  private VersionReader() {}

  static VersionInfo read() {
    Properties p = new Properties();
    try (InputStream in = VersionReader.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new VersionInfo(
        value(p, "service", "queuegate"),
        value(p, "version", "unknown"),
        value(p, "commit", "unknown"),
        value(p, "built", "unknown"));
  }

  // An unfiltered placeholder means the resource was not processed by the build.
  private static String value(Properties p, String key, String fallback) {
    String v = p.getProperty(key, "");
    return v.isBlank() || v.startsWith("${") ? fallback : v;
  }
}
