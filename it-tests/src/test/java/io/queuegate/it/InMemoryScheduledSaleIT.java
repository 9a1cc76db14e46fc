package io.queuegate.it;

import java.util.Map;

/** A scheduled sale on the in-memory store. */
class InMemoryScheduledSaleIT extends ScheduledSaleSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    return ServiceHarness.start(overrides);
  }
}
