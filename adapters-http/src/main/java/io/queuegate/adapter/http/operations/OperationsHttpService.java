package io.queuegate.adapter.http.operations;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.adapter.http.routing.StateResponse;
import io.queuegate.domain.port.in.CheckReadinessUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Operations routes: liveness, readiness, version, Prometheus metrics and the OpenAPI document. */
public final class OperationsHttpService implements HttpService {
  static final String NOT_READY_RETRY_SEC = "5";
  private static final System.Logger LOGGER =
      System.getLogger(OperationsHttpService.class.getName());

  private final CheckReadinessUseCase readiness;
  private final MetricsScrape metrics;
  private final VersionInfo version;
  private final String openApi;

  public OperationsHttpService(
      CheckReadinessUseCase readiness, MetricsScrape metrics, VersionInfo version) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.version = version;
    this.openApi = loadOpenApi();
  }

  @Override
  public void routing(HttpRules rules) {
    get(rules, Routes.HEALTHZ, req -> Reply.json(200, HealthResponse.from(version)));
    get(rules, Routes.READYZ, this::ready);
    get(rules, Routes.VERSION, req -> Reply.json(200, version));
    get(rules, Routes.METRICS, req -> Reply.text(200, metrics.contentType(), metrics.text().get()));
    get(rules, Routes.OPENAPI, req -> Reply.text(200, "application/yaml", openApi));
  }

  private Reply ready(ServerRequest req) {
    boolean ready;
    try {
      ready = readiness.ready();
    } catch (RuntimeException e) {
      // A failing check means not ready, never a 500: orchestrators only read the status.
      LOGGER.log(System.Logger.Level.WARNING, "readiness check failed", e);
      ready = false;
    }
    return ready
        ? Reply.json(200, new StateResponse("ready"))
        : new Reply(
            503,
            Reply.JSON,
            Json.write(new StateResponse("not_ready")),
            Map.of("Retry-After", NOT_READY_RETRY_SEC));
  }

  private static void get(HttpRules rules, String path, ReplyHandler handler) {
    rules.get(path, handler.toHelidon());
    AllowedMethods.only(rules, path, "GET");
  }

  private static String loadOpenApi() {
    try (InputStream in = OperationsHttpService.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
