package io.queuegate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STAND-IN for a CAPTCHA provider, not a provider: real ones (Turnstile, hCaptcha, reCAPTCHA)
 * cannot be reached from the test machine. It implements their documented {@code siteverify}
 * request (a form POST of secret, response, remoteip) and answer (JSON with success and
 * error-codes), deciding by the token's prefix: {@code pass-} succeeds, {@code fail-} is refused,
 * {@code slow-} is held until {@link #close()} (past any sane timeout), {@code down-} is a 500. A
 * wrong secret gets {@code invalid-input-secret}, as the providers document. It also serves a tiny
 * fake widget script under {@link #WIDGET_PATH}, which calls the page's callback with a {@code
 * pass-widget-<n>} token through the explicit-render API all three share.
 */
final class StandInCaptchaProvider implements AutoCloseable {
  static final String SITEVERIFY_PATH = "/siteverify";
  static final String WIDGET_PATH = "/widget/api.js";

  /** One siteverify request as received. */
  record Verification(String secret, String response, String remoteIp) {}

  private static final String WIDGET =
      """
      (function () {
        var onload = new URL(document.currentScript.src).searchParams.get('onload');
        var n = 0;
        function solve(options) {
          n++;
          setTimeout(function () { options.callback('pass-widget-' + n); }, 20);
        }
        var widgets = [];
        var api = {
          render: function (element, options) {
            element.setAttribute('data-stand-in-widget', options.sitekey);
            element.textContent = 'stand-in CAPTCHA widget';
            widgets.push(options);
            solve(options);
            return widgets.length - 1;
          },
          reset: function (id) { solve(widgets[id]); }
        };
        window.turnstile = api; window.hcaptcha = api; window.grecaptcha = api;
        if (onload) { window[onload](); }
      })();
      """;

  private final String secret;
  private final HttpServer server;
  private final List<Verification> verifications = new CopyOnWriteArrayList<>();
  private final AtomicInteger widgetLoads = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);

  StandInCaptchaProvider(String secret) {
    this.secret = secret;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Virtual threads: held answers must not starve the others.
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(SITEVERIFY_PATH, this::siteverify);
    server.createContext(WIDGET_PATH, this::widget);
    server.start();
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Verification> verifications() {
    return List.copyOf(verifications);
  }

  long verificationsOf(String token) {
    return verifications.stream().filter(v -> v.response().equals(token)).count();
  }

  int widgetLoads() {
    return widgetLoads.get();
  }

  private void siteverify(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String token = form.getOrDefault("response", "");
    verifications.add(new Verification(form.get("secret"), token, form.get("remoteip")));
    if (token.startsWith("slow-")) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (token.startsWith("down-")) {
      send(exchange, 500, "text/plain", "internal error");
      return;
    }
    String answer;
    if (!secret.equals(form.get("secret"))) {
      answer = "{\"success\":false,\"error-codes\":[\"invalid-input-secret\"]}";
    } else if (token.startsWith("pass-")) {
      answer =
          "{\"success\":true,\"challenge_ts\":\"2030-01-01T00:00:00Z\",\"hostname\":\"127.0.0.1\","
              + "\"error-codes\":[]}";
    } else {
      answer = "{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}";
    }
    send(exchange, 200, "application/json", answer);
  }

  private void widget(HttpExchange exchange) throws IOException {
    widgetLoads.incrementAndGet();
    send(exchange, 200, "text/javascript; charset=utf-8", WIDGET);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
