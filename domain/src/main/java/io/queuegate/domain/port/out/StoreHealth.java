package io.queuegate.domain.port.out;

import java.time.Duration;

/** Whether the store answers, for readiness. */
public interface StoreHealth {

  /** Whether the store answered a ping within {@code within}; never throws. */
  boolean answers(Duration within);
}
