package io.queuegate.domain.port.out;

import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Revocation;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's two store ports, over the same shared state as the queue's ports: sessions are live
 * admissions of the queue's events, so admitting at once must see the line and the ledger.
 */
public record GateStore(Rooms rooms, GateSessions sessions) {

  public GateStore {
    Objects.requireNonNull(rooms);
    Objects.requireNonNull(sessions);
  }

  /** Ports that refuse every call, for stores built without the gate. */
  public static GateStore unsupported() {
    return new GateStore(new NoRooms(), new NoSessions());
  }

  private static UnsupportedOperationException none() {
    return new UnsupportedOperationException("this store has no gate");
  }

  private static final class NoRooms implements Rooms {
    @Override
    public List<Room> list() {
      throw none();
    }

    @Override
    public Optional<Room> find(RoomId id) {
      throw none();
    }

    @Override
    public void save(Room room) {
      throw none();
    }

    @Override
    public void delete(RoomId id) {
      throw none();
    }
  }

  private static final class NoSessions implements GateSessions {
    @Override
    public AtOnceResult admitAtOnce(AtOnceAttempt attempt, Instant now) {
      throw none();
    }

    @Override
    public void extend(EventId eventId, Map<String, Instant> expiries, Instant now) {
      throw none();
    }

    @Override
    public boolean end(EventId eventId, String admissionId, Duration remember, Instant now) {
      throw none();
    }

    @Override
    public List<Revocation> revokedSince(EventId eventId, Instant since) {
      throw none();
    }
  }
}
