import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Bench-only: the old gateway's status method, reproduced to be measured, never shipped. For every
 * status call it runs KEYS stream:event:{E}:user:* and then XLEN on every key it found (pipelined,
 * which is kinder than the old one-by-one calls), and counts the live streams ahead of the caller.
 * Usage: java bench/java/OldGateway.java HTTP_PORT REDIS_PORT
 */
public final class OldGateway {
  private static final ThreadLocal<Resp> REDIS = new ThreadLocal<>();
  private static int redisPort;

  public static void main(String[] args) throws IOException {
    redisPort = Integer.parseInt(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
        Integer.parseInt(args[0])), 256);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/healthz", ex -> reply(ex, 200, "{\"status\":\"ok\"}"));
    server.createContext("/api/v1/queue/status", ex -> {
      String query = ex.getRequestURI().getRawQuery();
      String token = query == null ? "" : query.replaceFirst("^token=", "");
      int cut = token.indexOf('~');
      if (cut < 0) {
        reply(ex, 404, "{\"error\":{\"code\":\"TOKEN_NOT_FOUND\"}}");
        return;
      }
      try {
        long position = position(token.substring(0, cut), token.substring(cut + 1));
        reply(ex, 200, "{\"status\":\"waiting\",\"position\":" + position + "}");
      } catch (IOException e) {
        REDIS.remove();
        reply(ex, 503, "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\"}}");
      }
    });
    server.start();
    System.out.println("old gateway status on :" + args[0] + " against redis :" + redisPort);
  }

  private static long position(String event, String token) throws IOException {
    Resp redis = REDIS.get();
    if (redis == null) {
      redis = new Resp(new Socket("127.0.0.1", redisPort));
      REDIS.set(redis);
    }
    String prefix = "stream:event:{" + event + "}:user:";
    List<String> keys = redis.array(List.of("KEYS", prefix + "*"));
    for (String key : keys) {
      redis.send(List.of("XLEN", key));
    }
    redis.flush();
    long ahead = 0;
    String own = prefix + token;
    for (String key : keys) {
      long length = redis.integer();
      if (length > 0 && key.compareTo(own) < 0) {
        ahead++;
      }
    }
    return ahead + 1;
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The smallest RESP client that KEYS and XLEN need. */
  private static final class Resp {
    private final InputStream in;
    private final OutputStream out;

    Resp(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    void send(List<String> command) throws IOException {
      StringBuilder b = new StringBuilder("*").append(command.size()).append("\r\n");
      for (String part : command) {
        b.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
            .append(part).append("\r\n");
      }
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    void flush() throws IOException {
      out.flush();
    }

    List<String> array(List<String> command) throws IOException {
      send(command);
      flush();
      String head = line();
      int n = Integer.parseInt(head.substring(1));
      List<String> items = new ArrayList<>(Math.max(0, n));
      for (int i = 0; i < n; i++) {
        int len = Integer.parseInt(line().substring(1));
        byte[] data = in.readNBytes(len + 2);
        items.add(new String(data, 0, len, StandardCharsets.UTF_8));
      }
      return items;
    }

    long integer() throws IOException {
      String l = line();
      if (l.charAt(0) != ':') {
        throw new IOException("unexpected reply " + l);
      }
      return Long.parseLong(l.substring(1));
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      int c;
      while ((c = in.read()) != '\r') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        b.append((char) c);
      }
      in.read();
      return b.toString();
    }
  }
}
