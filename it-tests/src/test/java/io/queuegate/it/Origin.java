package io.queuegate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The protected site in the gate tests: every path answers 200 with a small page naming the path it
 * was asked for, and the origin remembers each request with the admission token the proxy handed
 * it, so a test can tell what got through.
 */
final class Origin implements AutoCloseable {
  /** One request that reached the site. */
  record Hit(String method, String target, String admission) {}

  private final HttpServer server;
  private final List<Hit> hits = new CopyOnWriteArrayList<>();

  Origin() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The requests that reached the site so far, oldest first. */
  List<Hit> hits() {
    return List.copyOf(hits);
  }

  /** The last request for {@code target} that reached the site. */
  Hit last(String target) {
    return hits.reversed().stream()
        .filter(hit -> hit.target().equals(target))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the site never saw " + target));
  }

  private void serve(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      target += "?" + exchange.getRequestURI().getRawQuery();
    }
    String admission = exchange.getRequestHeaders().getFirst("X-Queuegate-Admission");
    hits.add(
        new Hit(
            exchange.getRequestMethod(),
            target,
            admission == null || admission.isEmpty() ? null : admission));
    exchange.getRequestBody().readAllBytes();
    byte[] page =
        ("<!DOCTYPE html><html><head><title>Shop</title></head><body>"
                + "<h1 id=\"protected\">Shop page "
                + exchange.getRequestURI().getRawPath().replace("<", "&lt;")
                + "</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, page.length);
    exchange.getResponseBody().write(page);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
