package io.queuegate.adapter.http;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.PositionSource;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.model.WaitingToken;
import java.util.Optional;

/** The use cases' answers for an event without a scheduled sale, whose ETA range is the ETA. */
public final class Answers {
  /** Where {@link #status} says its positions came from. */
  public static final PositionSource STORE =
      PositionSource.store(new PositionMethod("position_index"));

  private Answers() {}

  /** A join's answer without a range, a stamp or a signed receipt. */
  public static JoinReceipt receipt(
      WaitingToken token, long position, long etaSec, long pollAfterMs) {
    return new JoinReceipt(
        token,
        position,
        etaSec,
        pollAfterMs,
        etaSec,
        etaSec,
        "",
        EntrantId.of(token.waiterId()),
        false,
        Optional.empty(),
        Optional.empty());
  }

  /** A poll's answer without a range. */
  public static WaiterStatus status(
      long position, long etaSec, long waitingTimeSec, boolean ready, long pollAfterMs) {
    return new WaiterStatus(
        position,
        etaSec,
        waitingTimeSec,
        ready,
        pollAfterMs,
        etaSec,
        etaSec,
        false,
        Optional.empty(),
        STORE);
  }
}
