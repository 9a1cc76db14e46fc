package io.queuegate.domain.service.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.RequestPath;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomCatalogTest {
  private final GateFixture.FakeRooms store = new GateFixture.FakeRooms();
  private boolean down;
  private final io.queuegate.domain.port.out.Rooms flaky =
      new io.queuegate.domain.port.out.Rooms() {
        @Override
        public List<Room> list() {
          fail();
          return store.list();
        }

        @Override
        public Optional<Room> find(RoomId id) {
          fail();
          return store.find(id);
        }

        @Override
        public void save(Room room) {
          fail();
          store.save(room);
        }

        @Override
        public void delete(RoomId id) {
          store.delete(id);
        }
      };

  private void fail() {
    if (down) {
      throw new StoreUnavailableException("down", null);
    }
  }

  private static Room room(String id, String prefix) {
    return Room.builder(new RoomId(id), HostPattern.parse("shop.example"), new EventId("sale"))
        .pathPrefixes(List.of(PathPattern.prefix(prefix, RoomField.PATH_PREFIXES)))
        .build();
  }

  private Optional<Room> match(RoomCatalog catalog, String path) {
    return catalog.match("shop.example", RequestPath.of(path));
  }

  @Test
  void seeds_applyBeforeTheStoreAnswers_andAreWrittenOnlyWhereTheStoreHasNone() {
    Room changedByOperator = room("a", "/changed");
    store.save(changedByOperator);
    down = true;
    RoomCatalog catalog = new RoomCatalog(flaky, List.of(room("a", "/a"), room("b", "/b")));

    catalog.refresh();
    assertThat(match(catalog, "/a")).as("the store is down: the seeds hold").isPresent();

    down = false;
    catalog.refresh();

    assertThat(store.find(new RoomId("a"))).contains(changedByOperator);
    assertThat(store.find(new RoomId("b"))).contains(room("b", "/b"));
    assertThat(match(catalog, "/a")).isEmpty();
    assertThat(match(catalog, "/changed")).contains(changedByOperator);
  }

  @Test
  void failedRefresh_keepsTheRoomsLastRead() {
    store.save(room("a", "/a"));
    RoomCatalog catalog = new RoomCatalog(flaky, List.of());
    catalog.refresh();

    down = true;
    catalog.refresh();

    assertThat(match(catalog, "/a")).isPresent();
  }

  @Test
  void roomsChangedElsewhere_applyAfterTheNextRefresh() {
    RoomCatalog catalog = new RoomCatalog(flaky, List.of());
    catalog.refresh();
    store.save(room("a", "/a"));
    assertThat(match(catalog, "/a")).isEmpty();

    catalog.refresh();

    assertThat(match(catalog, "/a")).isPresent();
  }
}
