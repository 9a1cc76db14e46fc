package io.queuegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts nginx and Caddy with the configurations shipped in deploy/, changed only where they say
 * CHANGE: the addresses of queuegate and of the site, and the proxy's own port and host.
 */
final class GateProxies {
  static final Path NGINX_CONF = Path.of("..", "deploy", "nginx", "shop.conf");
  static final Path CADDYFILE = Path.of("..", "deploy", "caddy", "Caddyfile");

  private GateProxies() {}

  static ProxyProcess nginx(int queuegatePort, int originPort) {
    Path nginx = ProxyProcess.tool("nginx", "nginx", "/usr/sbin/nginx");
    Path dir = ProxyProcess.workDir("nginx");
    int port = ProxyProcess.freePort();
    String site =
        ProxyProcess.configFrom(
            NGINX_CONF,
            Map.of(
                "127.0.0.1:8000", "127.0.0.1:" + queuegatePort,
                "127.0.0.1:8080", "127.0.0.1:" + originPort,
                "listen 80;", "listen 127.0.0.1:" + port + ";",
                "server_name shop.example.com;", "server_name localhost;"));
    String main =
        String.join(
            "\n",
            "daemon off;",
            "worker_processes 1;",
            "pid " + dir.resolve("nginx.pid") + ";",
            "error_log " + dir.resolve("error.log") + " warn;",
            "events { worker_connections 512; }",
            "http {",
            "  access_log off;",
            "  client_body_temp_path " + dir.resolve("body") + ";",
            "  proxy_temp_path " + dir.resolve("proxy") + ";",
            "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
            "  scgi_temp_path " + dir.resolve("scgi") + ";",
            "  include " + dir.resolve("site.conf") + ";",
            "}",
            "");
    write(dir.resolve("site.conf"), site);
    write(dir.resolve("nginx.conf"), main);
    return ProxyProcess.start(
        List.of(
            nginx.toString(),
            "-p",
            dir.toString(),
            "-c",
            dir.resolve("nginx.conf").toString(),
            "-e",
            dir.resolve("error.log").toString()),
        dir,
        port,
        Map.of());
  }

  static ProxyProcess caddy(int queuegatePort, int originPort) {
    Path caddy = ProxyProcess.tool("caddy", "caddy", "/usr/bin/caddy");
    Path dir = ProxyProcess.workDir("caddy");
    int port = ProxyProcess.freePort();
    String site =
        ProxyProcess.configFrom(
            CADDYFILE,
            Map.of(
                "127.0.0.1:8000", "127.0.0.1:" + queuegatePort,
                "127.0.0.1:8080", "127.0.0.1:" + originPort,
                "shop.example.com {", "http://:" + port + " {"));
    // Caddy's admin endpoint stays off, and its data and config live in the test's directory.
    write(dir.resolve("Caddyfile"), "{\n\tadmin off\n}\n\n" + site);
    return ProxyProcess.start(
        List.of(
            caddy.toString(),
            "run",
            "--config",
            dir.resolve("Caddyfile").toString(),
            "--adapter",
            "caddyfile"),
        dir,
        port,
        Map.of(
            "HOME", dir.toString(),
            "XDG_DATA_HOME", dir.resolve("data").toString(),
            "XDG_CONFIG_HOME", dir.resolve("config").toString()));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
