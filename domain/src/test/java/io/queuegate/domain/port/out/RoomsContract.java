package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomMode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Rooms} must do: keep, replace, list and delete rooms, every field intact. */
public abstract class RoomsContract {
  private Rooms rooms;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    rooms = newStore().gate().rooms();
  }

  /** A room with every field set to something other than its default. */
  public static Room fullRoom(RoomId id) {
    return Room.builder(id, HostPattern.parse("*.Shop.example"), newEventId())
        .pathPrefixes(
            List.of(
                PathPattern.prefix("/checkout", RoomField.PATH_PREFIXES),
                PathPattern.prefix("/cart/", RoomField.PATH_PREFIXES)))
        .bypass(List.of(PathPattern.bypass("/checkout/static"), PathPattern.bypass("*.css")))
        .mode(RoomMode.QUEUE_ALL)
        .storeOutage(OutagePolicy.LET_THROUGH)
        .idleTimeout(Duration.ofSeconds(90))
        .hardCap(Duration.ofMinutes(45))
        .completionPaths(List.of(PathPattern.prefix("/checkout/done", RoomField.COMPLETION_PATHS)))
        .build();
  }

  private static RoomId newRoomId() {
    return new RoomId("room-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void findOfAnUnknownRoom_isEmpty() {
    assertThat(rooms.find(newRoomId())).isEmpty();
  }

  @Test
  void savedRoom_isFoundWithEveryField() {
    Room room = fullRoom(newRoomId());

    rooms.save(room);

    assertThat(rooms.find(room.id())).contains(room);
  }

  @Test
  void roomWithDefaults_isFoundAsSaved() {
    Room room =
        Room.builder(newRoomId(), HostPattern.parse("tickets.example"), newEventId())
            .pathPrefixes(List.of(PathPattern.prefix("/", RoomField.PATH_PREFIXES)))
            .build();

    rooms.save(room);

    assertThat(rooms.find(room.id())).contains(room);
  }

  @Test
  void saveOfAnExistingId_replacesTheRoom() {
    Room first = fullRoom(newRoomId());
    rooms.save(first);
    Room second =
        Room.builder(first.id(), HostPattern.parse("other.example"), newEventId())
            .pathPrefixes(List.of(PathPattern.prefix("/x", RoomField.PATH_PREFIXES)))
            .build();

    rooms.save(second);

    assertThat(rooms.find(first.id())).contains(second);
    assertThat(rooms.list()).containsExactly(second);
  }

  @Test
  void list_holdsEverySavedRoom() {
    Room a = fullRoom(newRoomId());
    Room b = fullRoom(newRoomId());
    rooms.save(a);
    rooms.save(b);

    assertThat(rooms.list()).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void delete_removesTheRoom_andDeletingAgainIsNoError() {
    Room room = fullRoom(newRoomId());
    rooms.save(room);

    rooms.delete(room.id());
    rooms.delete(room.id());

    assertThat(rooms.find(room.id())).isEmpty();
    assertThat(rooms.list()).isEmpty();
  }
}
