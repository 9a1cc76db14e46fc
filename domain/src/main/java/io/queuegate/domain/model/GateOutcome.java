package io.queuegate.domain.model;

import java.util.Locale;

/** What the gate decided for one request, as counted in the metrics. */
public enum GateOutcome {
  /** No room covers the path. */
  UNMATCHED,
  /** A bypass rule of the room covers the path. */
  BYPASS,
  /** A valid session, renewed or not. */
  PASS,
  /** Nobody waited and there was capacity: a new session at once. */
  ADMIT,
  /** Mode passthrough: a new session, counted but never refused. */
  PASSTHROUGH,
  /** A valid session asked for a completion path and was ended. */
  COMPLETE,
  /** Sent to the waiting page. */
  QUEUE,
  /** The room refuses everybody (mode reject). */
  REJECT,
  /** A crawler that would have been sent to the waiting page: 503 instead. */
  CRAWLER,
  /** The store was unreachable and the room lets people through meanwhile. */
  OUTAGE_PASS,
  /** The store was unreachable and the room sends people to the waiting page meanwhile. */
  OUTAGE_QUEUE;

  /** The metric label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
