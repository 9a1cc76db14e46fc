package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;

/** What the waiting page of the gate shows a visitor who asked for a protected URL. */
public sealed interface Lobby {

  /** Wait in the room's line, then return to {@code returnUrl}. */
  record Wait(Room room, WaitingPage page, String returnUrl) implements Lobby {
    public Wait {
      Objects.requireNonNull(room);
      Objects.requireNonNull(page);
      Objects.requireNonNull(returnUrl);
    }
  }

  /** The visitor holds a valid session already: straight back to {@code returnUrl}. */
  record Admitted(String returnUrl) implements Lobby {
    public Admitted {
      Objects.requireNonNull(returnUrl);
    }
  }

  /** The room refuses everybody for now. */
  record Closed(Duration retryAfter) implements Lobby {
    public Closed {
      Objects.requireNonNull(retryAfter);
    }
  }
}
