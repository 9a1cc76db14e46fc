package io.queuegate.domain.service;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@code touch} a mocked line receives, copying the ids as they were sent. */
final class RecordedTouches {
  record Touch(EventId eventId, Set<WaiterId> ids, Instant at) {}

  private final List<Touch> touches = new CopyOnWriteArrayList<>();

  static RecordedTouches on(WaitingLine line) {
    RecordedTouches recorded = new RecordedTouches();
    doAnswer(
            call -> {
              Collection<WaiterId> ids = call.getArgument(1);
              recorded.touches.add(
                  new Touch(call.getArgument(0), Set.copyOf(ids), call.getArgument(2)));
              return null;
            })
        .when(line)
        .touch(any(), any(), any());
    return recorded;
  }

  List<Touch> all() {
    return List.copyOf(touches);
  }
}
