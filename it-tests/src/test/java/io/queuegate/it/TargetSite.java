package io.queuegate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A booking site stand-in: the waiting page sends admitted people to {@code /book}, by a GET with
 * {@code ?reservation_token=} or a form POST; the site keeps every token it receives.
 */
final class TargetSite implements AutoCloseable {
  record Arrival(String method, String token) {}

  private final HttpServer server;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

  TargetSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/book", this::book);
    server.start();
  }

  URI bookUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/book");
  }

  /** The next token to arrive, waiting up to {@code seconds}; null when none came. */
  Arrival nextArrival(long seconds) throws InterruptedException {
    return arrivals.poll(seconds, TimeUnit.SECONDS);
  }

  private void book(HttpExchange exchange) throws IOException {
    String form =
        exchange.getRequestMethod().equals("POST")
            ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            : exchange.getRequestURI().getRawQuery();
    String token = field(form == null ? "" : form, "reservation_token");
    arrivals.add(new Arrival(exchange.getRequestMethod(), token));
    byte[] page =
        ("<!DOCTYPE html><html><head><title>Booking</title></head><body>"
                + "<h1 id=\"landed\">Welcome to the booking page</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, page.length);
    exchange.getResponseBody().write(page);
    exchange.close();
  }

  private static String field(String encoded, String name) {
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
