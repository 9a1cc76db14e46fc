package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.port.in.DeleteRoomUseCase;
import io.queuegate.domain.port.out.GateMetrics;
import io.queuegate.domain.port.out.Rooms;
import java.util.Objects;

/** Removes a room from the store and, at once, from this instance; its gauge goes too. */
public final class DeleteRoomService implements DeleteRoomUseCase {
  private final Rooms rooms;
  private final RoomCatalog catalog;
  private final GateMetrics metrics;

  public DeleteRoomService(Rooms rooms, RoomCatalog catalog, GateMetrics metrics) {
    this.rooms = Objects.requireNonNull(rooms);
    this.catalog = Objects.requireNonNull(catalog);
    this.metrics = Objects.requireNonNull(metrics);
  }

  @Override
  public void delete(RoomId id) {
    rooms.delete(id);
    catalog.remove(id);
    metrics.forget(id);
  }
}
