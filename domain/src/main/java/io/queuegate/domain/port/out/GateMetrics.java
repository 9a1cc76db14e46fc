package io.queuegate.domain.port.out;

import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.RoomId;
import java.util.Optional;

/** The gate's metrics: decisions by room and outcome, and live sessions by room. */
public interface GateMetrics {

  /** One gate decision; no room when none covers the request. */
  void decided(Optional<RoomId> room, GateOutcome outcome);

  /** The room's live sessions (live admissions of its event), as last counted. */
  void activeSessions(RoomId room, long count);

  /** A room that was deleted: its gauge goes away. */
  void forget(RoomId room);

  /** A sink that records nothing, for tests and tools. */
  GateMetrics NONE =
      new GateMetrics() {
        @Override
        public void decided(Optional<RoomId> room, GateOutcome outcome) {}

        @Override
        public void activeSessions(RoomId room, long count) {}

        @Override
        public void forget(RoomId room) {}
      };
}
