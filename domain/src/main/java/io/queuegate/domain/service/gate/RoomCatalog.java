package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.RequestPath;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.port.out.Rooms;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * This instance's copy of the rooms, so that matching a request never reads the store. {@link
 * #refresh} reads them all again (the gate's jobs call it every second or so); a change made
 * through this instance applies at once. Until the store has answered, the rooms seeded from
 * configuration are in force, so a store that is down at start does not open every room.
 */
public final class RoomCatalog {
  private static final System.Logger LOG = System.getLogger(RoomCatalog.class.getName());

  private final Rooms store;
  private final List<Room> seeds;
  private volatile RoomTable table;
  private volatile boolean seeded;
  private volatile boolean failing;

  public RoomCatalog(Rooms store, List<Room> seeds) {
    this.store = Objects.requireNonNull(store);
    this.seeds = List.copyOf(seeds);
    this.table = new RoomTable(this.seeds);
    this.seeded = this.seeds.isEmpty();
  }

  /**
   * Writes the seeded rooms the store does not hold yet (once per start, so an operator's change
   * wins), then reads every room. When the store fails, the rooms in force stay.
   */
  public void refresh() {
    try {
      if (!seeded) {
        for (Room seed : seeds) {
          if (store.find(seed.id()).isEmpty()) {
            store.save(seed);
          }
        }
        seeded = true;
      }
      table = new RoomTable(store.list());
      if (failing) {
        failing = false;
        LOG.log(Level.INFO, "rooms read from the store again");
      }
    } catch (StoreUnavailableException e) {
      if (!failing) {
        failing = true;
        LOG.log(Level.WARNING, "cannot read the rooms; the last ones read stay in force", e);
      }
    }
  }

  /** The room covering a request to {@code host} (normalised) and {@code path}, if any. */
  public Optional<Room> match(String host, RequestPath path) {
    return table.match(host, path);
  }

  public Optional<Room> find(RoomId id) {
    return table.find(id);
  }

  public List<Room> rooms() {
    return table.rooms();
  }

  /** The events the rooms are bound to. */
  public Set<EventId> events() {
    return table.events();
  }

  /** How long a revocation in {@code eventId} must be remembered: its rooms' longest hard cap. */
  public Duration longestHardCap(EventId eventId) {
    return table.longestHardCap(eventId);
  }

  /** A room saved through this instance applies here at once. */
  public synchronized void put(Room room) {
    table = table.with(room);
  }

  /** A room deleted through this instance stops applying here at once. */
  public synchronized void remove(RoomId id) {
    table = table.without(id);
  }
}
