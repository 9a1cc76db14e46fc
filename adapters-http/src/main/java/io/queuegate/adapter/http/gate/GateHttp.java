package io.queuegate.adapter.http.gate;

import io.helidon.webserver.http.HttpRouting;
import io.queuegate.adapter.http.admin.RoomAdminHttpService;
import java.util.Objects;
import java.util.Optional;

/** The gate's routes and their settings, registered on the adapter's routing when configured. */
public record GateHttp(GateUseCases useCases, GateHttpSettings settings) {
  public GateHttp {
    Objects.requireNonNull(useCases);
    Objects.requireNonNull(settings);
  }

  /**
   * Registers the check, the waiting page and its enter step, the completion call and, with an
   * operator token, the room administration.
   */
  public void register(HttpRouting.Builder routing, Optional<String> adminToken, int maxBodyBytes) {
    routing
        .register(new GateCheckHttpService(useCases.check(), settings))
        .register(new LobbyHttpService(useCases.lobby(), useCases.enter(), settings, maxBodyBytes))
        .register(new CompleteHttpService(useCases.complete(), maxBodyBytes));
    adminToken.ifPresent(
        token ->
            routing.register(
                new RoomAdminHttpService(
                    useCases.configureRoom(),
                    useCases.describeRoom(),
                    useCases.listRooms(),
                    useCases.deleteRoom(),
                    useCases.revoke(),
                    token,
                    maxBodyBytes)));
  }
}
