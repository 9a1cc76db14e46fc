package io.queuegate.domain.port.in;

import io.queuegate.domain.model.Room;
import java.util.List;

/** Every room of the gate, by id. */
public interface ListRoomsUseCase {

  List<Room> list();
}
