package io.queuegate.domain.model;

/** How an attempt to admit at once ended: admitted, or the first check that refused it. */
public enum AtOnceResult {
  ADMITTED,
  /** Somebody waits in the line: newcomers queue behind them. */
  LINE_NOT_EMPTY,
  PAUSED,
  MAX_ACTIVE,
  NO_CAPACITY
}
