package io.queuegate.it;

import java.util.Map;

/** Status from the line mirror on the in-memory store. */
class InMemoryMirrorStatusIT extends MirrorStatusSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    return ServiceHarness.start(overrides);
  }
}
