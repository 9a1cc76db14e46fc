package io.queuegate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the service, as a load balancer would be, that can lose the answer to a
 * chosen request: it forwards the request, lets the service finish it, then closes the browser's
 * connection without a byte of the answer. The browser sees a network failure (fetch rejects)
 * although the service acted on the request. Every answer carries {@code Connection: close}, so the
 * browser never retries a request on its own on a reused connection (which Chromium does when a
 * kept-alive connection dies before the answer): the only retry is the page's.
 */
final class LossyProxy implements AutoCloseable {
  /** One request that went through: what the page sent and what the service answered. */
  record Exchange(
      String method,
      String path,
      String idempotencyKey,
      int status,
      boolean replayed,
      boolean lost,
      String body) {}

  // Headers of one hop, which the proxy must not pass on (and HttpClient refuses to set).
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "transfer-encoding",
          "upgrade",
          "te",
          "trailer",
          "proxy-connection");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI target;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicInteger answersToLose = new AtomicInteger();
  private volatile String losePath = "";

  /** A proxy to {@code target} (scheme, host and port), losing nothing yet. */
  LossyProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads); // event streams hold their thread for as long as they are open
    server.createContext("/", this::forward);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Loses the answer of the next POST to {@code path}; later ones go through. */
  void loseNextAnswerTo(String path) {
    losePath = path;
    answersToLose.set(1);
  }

  /** The POSTs to {@code path} so far, oldest first. */
  List<Exchange> postsTo(String path) {
    return exchanges.stream()
        .filter(e -> e.method().equals("POST") && e.path().equals(path))
        .toList();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<InputStream> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      boolean replayed =
          answer.headers().firstValue("X-Idempotency-Cached").orElse("").equals("true");
      if (method.equals("POST") && path.equals(losePath) && answersToLose.getAndDecrement() > 0) {
        String lost = readAll(answer);
        exchanges.add(new Exchange(method, path, key, answer.statusCode(), replayed, true, lost));
        return; // closing the exchange before any answer closes the browser's connection
      }
      if (method.equals("POST")) {
        String text = readAll(answer);
        exchanges.add(new Exchange(method, path, key, answer.statusCode(), replayed, false, text));
        relay(exchange, answer, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      } else {
        exchanges.add(new Exchange(method, path, key, answer.statusCode(), replayed, false, ""));
        relay(exchange, answer, answer.body());
      }
    }
  }

  private static String readAll(HttpResponse<InputStream> answer) throws IOException {
    try (InputStream in = answer.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Sends the answer on, flushing as it arrives so that an event stream keeps flowing. */
  private static void relay(HttpExchange exchange, HttpResponse<InputStream> answer, InputStream in)
      throws IOException {
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    exchange.getResponseHeaders().set("Connection", "close");
    int status = answer.statusCode();
    boolean empty = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, empty ? -1 : 0);
    if (empty) {
      in.close();
      return;
    }
    try (in;
        OutputStream out = exchange.getResponseBody()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    // Open event streams never complete: neither the client nor the threads may wait for them.
    client.shutdownNow();
    threads.shutdownNow();
  }
}
