package io.queuegate.adapter.http.admin;

import java.util.Map;

/** How many positions this instance answered, by method label, for the operator's event view. */
@FunctionalInterface
public interface PositionCounts {

  Map<String, Long> byMethod();
}
