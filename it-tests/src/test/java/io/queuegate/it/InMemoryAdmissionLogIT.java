package io.queuegate.it;

import java.util.Map;

/** The public log of a whole sale, verified, on the in-memory store. */
class InMemoryAdmissionLogIT extends AdmissionLogSuite {
  @Override
  protected ServiceHarness start(Map<String, String> overrides) {
    return ServiceHarness.start(overrides);
  }
}
