package io.queuegate.adapter.http.queue;

import java.util.function.IntSupplier;

/** Where the adapter shows how many event streams this instance holds open. */
@FunctionalInterface
public interface OpenStreamsGauge {
  /** Makes {@code open} the gauge's source; it is read whenever the metrics are. */
  void track(IntSupplier open);
}
