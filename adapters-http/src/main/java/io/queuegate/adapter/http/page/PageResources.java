package io.queuegate.adapter.http.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the waiting page's files from the classpath, beside this package's classes. */
final class PageResources {
  private PageResources() {}

  static byte[] bytes(String name) {
    try (InputStream in = PageResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing page resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
