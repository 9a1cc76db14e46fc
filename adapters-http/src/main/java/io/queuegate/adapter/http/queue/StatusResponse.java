package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.WaiterStatus;

/** 200 body of a status poll, with the ETA's range. */
record StatusResponse(
    String status,
    long position,
    long etaSec,
    long waitingTime,
    boolean readyForEntry,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec) {

  static StatusResponse from(WaiterStatus status) {
    return new StatusResponse(
        "waiting",
        status.position(),
        status.etaSec(),
        status.waitingTimeSec(),
        status.readyForEntry(),
        status.pollAfterMs(),
        status.etaLowSec(),
        status.etaHighSec());
  }
}
