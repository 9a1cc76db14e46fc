package io.queuegate.adapter.http.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.queuegate.domain.model.WaiterStatus;
import java.time.Instant;

/**
 * 200 body of a status poll, with the ETA's range. The old client's fields keep their types; the
 * range, {@code phase} and, for a scheduled sale, {@code opens_at} come after them
 * (docs/design.md#old-client).
 */
record StatusResponse(
    String status,
    long position,
    long etaSec,
    long waitingTime,
    boolean readyForEntry,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec,
    String phase,
    @JsonInclude(JsonInclude.Include.NON_NULL) String opensAt) {

  static StatusResponse from(WaiterStatus status) {
    return new StatusResponse(
        "waiting",
        status.position(),
        status.etaSec(),
        status.waitingTimeSec(),
        status.readyForEntry(),
        status.pollAfterMs(),
        status.etaLowSec(),
        status.etaHighSec(),
        Phase.of(status.inPreQueue()),
        status.opensAt().map(Instant::toString).orElse(null));
  }
}
