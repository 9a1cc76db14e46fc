package io.queuegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One person's browser, as far as the gate can tell: it keeps the cookies the site sets (Max-Age=0
 * removes one), sends them back, never follows redirects by itself, and says who it is in {@code
 * User-Agent}.
 */
final class Visitor {
  static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120";
  static final String GOOGLEBOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI site;
  private final String userAgent;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** One answer as the visitor saw it. */
  record Page(int status, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    List<String> setCookies() {
      return raw.headers().allValues("Set-Cookie");
    }

    String body() {
      return raw.body();
    }

    /** The path and query of a redirect, relative to the site. */
    String location() {
      String location = header("Location");
      if (location == null) {
        return null;
      }
      URI uri = URI.create(location);
      return uri.getRawQuery() == null
          ? uri.getRawPath()
          : uri.getRawPath() + "?" + uri.getRawQuery();
    }
  }

  Visitor(URI site, String userAgent) {
    this.site = site;
    this.userAgent = userAgent;
  }

  Visitor(URI site) {
    this(site, BROWSER);
  }

  Page get(String target) {
    return send("GET", target, null);
  }

  /** A JSON call the waiting page makes, through the same site and with the same cookies. */
  Page postJson(String target, String json, boolean idempotent) {
    return send("POST", target, json, idempotent);
  }

  Page send(String method, String target, String json) {
    return send(method, target, json, false);
  }

  private Page send(String method, String target, String json, boolean idempotent) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.resolve(target))
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", userAgent)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotent) {
      request.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    String cookieHeader = cookieHeader();
    if (!cookieHeader.isEmpty()) {
      request.header("Cookie", cookieHeader);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(this::keep);
      return new Page(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  void dropCookies() {
    cookies.clear();
  }

  private String cookieHeader() {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  private void keep(String setCookie) {
    String[] parts = setCookie.split(";");
    int eq = parts[0].indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = parts[0].substring(0, eq).trim();
    String value = parts[0].substring(eq + 1).trim();
    boolean removed =
        value.isEmpty()
            || List.of(parts).stream().anyMatch(p -> p.trim().equalsIgnoreCase("Max-Age=0"));
    if (removed) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}
