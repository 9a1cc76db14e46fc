package io.queuegate.adapter.http.admin;

import java.util.List;

/** Answer of {@code GET /api/v1/admin/rooms}: every room, by id. */
record RoomsResponse(List<RoomResponse> rooms) {}
