package io.queuegate.it;

import java.util.Map;

/** The end-to-end flow on the in-memory store. */
class InMemoryEndToEndIT extends EndToEndSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    return ServiceHarness.start(overrides);
  }
}
