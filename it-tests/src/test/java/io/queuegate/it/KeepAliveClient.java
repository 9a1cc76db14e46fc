package io.queuegate.it;

import io.queuegate.it.Api.Reply;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLSession;

/**
 * A lean HTTP/1.1 GET client over pooled keep-alive sockets, for drills that send thousands of
 * requests a second from the same two cores as the service: the JDK client spent about a third of
 * the test JVM's CPU at 2,000 requests a second. Answers carry status and headers; bodies are read
 * but not parsed.
 */
final class KeepAliveClient implements AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());

  KeepAliveClient(URI base) {
    this.base = base;
  }

  /**
   * GETs {@code pathAndQuery}; no answer at all (a reset, a timeout) is an UncheckedIOException.
   */
  Reply get(String pathAndQuery) {
    Connection pooled = idle.pollFirst();
    if (pooled != null) {
      try {
        return exchange(pooled, pathAndQuery);
      } catch (IOException e) {
        // The server may close an idle connection; a GET is safe to send again on a fresh one.
        pooled.close();
      }
    }
    try {
      return exchange(open(), pathAndQuery);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Connection open() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    Connection connection = new Connection(socket);
    opened.add(connection);
    return connection;
  }

  private Reply exchange(Connection c, String pathAndQuery) throws IOException {
    String request =
        "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n";
    try {
      c.out.write(request.getBytes(StandardCharsets.US_ASCII));
      c.out.flush();
      String statusLine = c.line();
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = c.line(); !line.isEmpty(); line = c.line()) {
        int colon = line.indexOf(':');
        headers
            .computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
      String body = c.body(headers);
      if (headers.getOrDefault("Connection", List.of()).contains("close")) {
        c.close();
      } else {
        idle.addFirst(c);
      }
      return new Reply(
          status, null, new Response(status, headers, body, base.resolve(pathAndQuery)));
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  @Override
  public void close() {
    synchronized (opened) {
      opened.forEach(Connection::close);
    }
  }

  /** One socket with its buffered input. */
  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 8 * 1024);
      this.out = socket.getOutputStream();
    }

    String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("connection closed mid-answer");
        }
        if (b != '\r') {
          sb.append((char) b);
        }
      }
      return sb.toString();
    }

    String body(Map<String, List<String>> headers) throws IOException {
      List<String> length = headers.get("Content-Length");
      if (length != null) {
        return new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
      }
      if (!headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
        throw new IOException("answer without a length: " + headers);
      }
      StringBuilder body = new StringBuilder();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        line();
      }
      // Trailers, up to the empty line.
      while (!line().isEmpty()) {
        // none expected
      }
      return body.toString();
    }

    private int chunkSize() throws IOException {
      String size = line();
      int extension = size.indexOf(';');
      return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closed already
      }
    }
  }

  /** The answer as a JDK response, so that {@link Tally} reads it like any other. */
  private record Response(int statusCode, Map<String, List<String>> headerMap, String body, URI uri)
      implements HttpResponse<String> {
    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(uri).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(headerMap, (name, value) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d %s", statusCode, uri);
    }
  }
}
