package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.Lobby;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomMode;
import io.queuegate.domain.port.in.OpenLobbyUseCase;
import io.queuegate.domain.service.PolicyCatalog;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what the gate's waiting page shows: the line of the room the return URL leads into; or,
 * for a visitor whose session is valid (or a room letting everybody through), the way straight
 * back; or, for a closed room, that it is closed.
 */
public final class OpenLobbyService implements OpenLobbyUseCase {
  private final RoomCatalog rooms;
  private final SessionKeeper keeper;
  private final PolicyCatalog policies;
  private final GateSettings settings;
  private final Clock clock;

  public OpenLobbyService(
      RoomCatalog rooms,
      SessionKeeper keeper,
      PolicyCatalog policies,
      GateSettings settings,
      Clock clock) {
    this.rooms = Objects.requireNonNull(rooms);
    this.keeper = Objects.requireNonNull(keeper);
    this.policies = Objects.requireNonNull(policies);
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Lobby open(String returnUrl, String host, Map<String, String> cookies) {
    RoomResolver.Target target = RoomResolver.resolve(rooms, returnUrl, host);
    Room room = target.room();
    String back = target.url().target();
    if (room.mode() == RoomMode.REJECT) {
      return new Lobby.Closed(settings.closedRetryAfter());
    }
    if (room.mode() == RoomMode.PASSTHROUGH
        || keeper.valid(room, cookies, clock.instant()).isPresent()) {
      return new Lobby.Admitted(back);
    }
    return new Lobby.Wait(room, policies.policyFor(room.eventId()).page(), back);
  }
}
