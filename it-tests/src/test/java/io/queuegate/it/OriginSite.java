package io.queuegate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A web site on an origin of its own (its own port on 127.0.0.1), serving one page at {@code /}
 * whose script calls the queuegate API the way the old web client does from a shop's domain.
 */
final class OriginSite implements AutoCloseable {
  private final HttpServer server;
  private volatile String page = "<!DOCTYPE html><title>empty</title>";

  OriginSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::page);
    server.start();
  }

  /** The origin a browser sends for this site's pages. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI pageUrl() {
    return URI.create(origin() + "/");
  }

  /** Serves {@code html} from now on. */
  void serve(String html) {
    this.page = html;
  }

  private void page(HttpExchange exchange) throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
