package io.queuegate.adapter.memory;

import io.queuegate.domain.port.out.StoreHealth;
import java.time.Duration;

/** Readiness of the in-memory store: it lives in this process, so it always answers. */
public final class InMemoryStoreHealth implements StoreHealth {

  InMemoryStoreHealth() {}

  @Override
  public boolean answers(Duration within) {
    return true;
  }
}
