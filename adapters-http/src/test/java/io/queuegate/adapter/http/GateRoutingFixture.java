package io.queuegate.adapter.http;

import static org.mockito.Mockito.mock;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.queuegate.adapter.http.gate.GateHttp;
import io.queuegate.adapter.http.gate.GateHttpSettings;
import io.queuegate.adapter.http.gate.GateUseCases;
import io.queuegate.adapter.http.queue.PushSettings;
import io.queuegate.domain.port.in.CheckGateUseCase;
import io.queuegate.domain.port.in.CompleteAdmissionUseCase;
import io.queuegate.domain.port.in.ConfigureRoomUseCase;
import io.queuegate.domain.port.in.DeleteRoomUseCase;
import io.queuegate.domain.port.in.DescribeRoomUseCase;
import io.queuegate.domain.port.in.EnterGateUseCase;
import io.queuegate.domain.port.in.ListRoomsUseCase;
import io.queuegate.domain.port.in.OpenLobbyUseCase;
import io.queuegate.domain.port.in.RevokeSessionUseCase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Like {@link RoutingFixture}, with the gate's routes on mocked gate use cases. */
final class GateRoutingFixture extends Fixtures implements BeforeEachCallback, AfterAllCallback {
  static final GateHttpSettings SETTINGS = new GateHttpSettings("/queuegate/", true);

  final GateUseCases gate =
      new GateUseCases(
          mock(CheckGateUseCase.class),
          mock(OpenLobbyUseCase.class),
          mock(EnterGateUseCase.class),
          mock(CompleteAdmissionUseCase.class),
          mock(RevokeSessionUseCase.class),
          mock(ConfigureRoomUseCase.class),
          mock(DescribeRoomUseCase.class),
          mock(ListRoomsUseCase.class),
          mock(DeleteRoomUseCase.class));
  private final DirectClient client;
  private final Api api;

  GateRoutingFixture() {
    HttpRouting.Builder routing = HttpRouting.builder();
    new HttpAdapter(
            new HttpSettings(
                Optional.of(ADMIN_TOKEN),
                List.of(),
                HttpSettings.DEFAULT_MAX_BODY_BYTES,
                VERSION,
                PushSettings.DEFAULTS),
            useCases,
            metrics.asHttpMetrics(),
            Optional.of(new GateHttp(gate, SETTINGS)))
        .routing(routing);
    this.client = new DirectClient(routing);
    this.api = new Api(client);
  }

  Api api() {
    return api;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
    org.mockito.Mockito.reset(
        gate.check(),
        gate.lobby(),
        gate.enter(),
        gate.complete(),
        gate.revoke(),
        gate.configureRoom(),
        gate.describeRoom(),
        gate.listRooms(),
        gate.deleteRoom());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
  }
}
