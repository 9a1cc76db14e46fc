package io.queuegate.it;

import java.util.Map;

/** Status from the line mirror on the in-memory store. */
class InMemoryMirrorStatusIT extends MirrorStatusSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    return ServiceHarness.start(overrides);
  }

  // The memory store restarts an event's sequence once it forgets the event: on a delete, or after
  // an hour without writes.
  @Override
  protected void beginLineAgain(String event, String token) {
    super.beginLineAgain(event, token);
    deleteEvent(event);
  }
}
