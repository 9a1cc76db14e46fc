package io.queuegate.adapter.http;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.adapter.http.filter.CorsPolicy;
import io.queuegate.adapter.http.queue.PushSettings;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every routing test shares: one adapter on mocked use cases, reached without a socket
 * through Helidon's {@link DirectClient}, with the mocks reset before each test. A test class
 * registers one as a static extension:
 *
 * <pre>
 * {@code @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
 * private final Api api = FIX.api();}</pre>
 */
final class RoutingFixture extends Fixtures implements BeforeEachCallback, AfterAllCallback {
  private final DirectClient client;
  private final Api api;

  private RoutingFixture(boolean withAdmin, List<String> trustedProxies) {
    this(withAdmin, ClientSettings.behind(trustedProxies), CorsPolicy.NONE);
  }

  private RoutingFixture(boolean withAdmin, ClientSettings clients, CorsPolicy cors) {
    HttpRouting.Builder routing = HttpRouting.builder();
    adapter(withAdmin, clients, PushSettings.DEFAULTS, cors).routing(routing);
    this.client = new DirectClient(routing);
    this.api = new Api(client);
  }

  /** Every route, the operator API included, with {@link #ADMIN_TOKEN} as operator token. */
  static RoutingFixture withOperatorApi() {
    return new RoutingFixture(true, List.of());
  }

  /** The public routes only: no operator token is configured. */
  static RoutingFixture withoutOperatorApi() {
    return new RoutingFixture(false, List.of());
  }

  /** The public routes, trusting {@code X-Forwarded-For} from peers in these networks. */
  static RoutingFixture behindProxies(String... trustedProxies) {
    return new RoutingFixture(false, List.of(trustedProxies));
  }

  /** Every route, with pages of {@code origins} allowed to call the queue API. */
  static RoutingFixture allowingOrigins(String... origins) {
    return new RoutingFixture(
        true, ClientSettings.behind(List.of()), CorsPolicy.allowing(List.of(origins)));
  }

  /** The public routes, telling clients apart as {@code clients} says. */
  static RoutingFixture withClients(ClientSettings clients) {
    return new RoutingFixture(false, clients, CorsPolicy.NONE);
  }

  Api api() {
    return api;
  }

  /** The client itself, for what {@link Api} does not set, such as the peer address. */
  DirectClient client() {
    return client;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
  }
}
