package io.queuegate.it;

import java.util.Map;

/** The malformed-request suite on the in-memory store. */
class InMemoryBadInputIT extends BadInputSuite {
  @Override
  protected ServiceHarness start() {
    return ServiceHarness.start(Map.of());
  }
}
