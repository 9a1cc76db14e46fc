package io.queuegate.domain.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FreshDeparturesTest {
  private static final EventId EVENT = new EventId("sale");

  private final DepartureBoard board = new DepartureBoard();
  private final AtomicBoolean fresh = new AtomicBoolean(true);
  private final FreshDepartures departures = new FreshDepartures(board, e -> fresh.get());

  @Test
  void freshMirror_showsTheBoardsCount() {
    board.applied(EVENT, 12);

    assertThat(departures.seen(EVENT)).hasValue(12);
  }

  @Test
  void staleMirror_readsAsUnknownSoStreamsKeepTheirTimer() {
    board.applied(EVENT, 12);
    fresh.set(false);

    assertThat(departures.seen(EVENT)).isEmpty();
  }

  @Test
  void freshButNeverTold_isUnknown() {
    assertThat(departures.seen(EVENT)).isEmpty();
  }
}
