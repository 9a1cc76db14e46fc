import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container image's HEALTHCHECK: exits 0 when {@code GET /healthz} answers 200, 1 otherwise.
 *
 * <p>The runtime image has no shell and no curl, so the check is a class run by the image's own
 * trimmed JVM. It needs only {@code java.base}. The port is {@code SERVER_PORT} (default 8000), the
 * same variable the service reads; an optional first argument names another URL.
 */
public final class HealthCheck {

  private HealthCheck() {}

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("SERVER_PORT", "8000");
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/healthz";
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      // Below the HEALTHCHECK timeout, so a hung server is reported as unhealthy, not as a timeout.
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      connection.disconnect();
      System.exit(status == 200 ? 0 : 1);
    } catch (Exception e) {
      System.err.println("health check failed: " + e);
      System.exit(1);
    }
  }
}
