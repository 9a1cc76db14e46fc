package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.WaiterStatus;

/** 200 body of a status poll. */
record StatusResponse(
    String status,
    long position,
    long etaSec,
    long waitingTime,
    boolean readyForEntry,
    long pollAfterMs) {

  static StatusResponse from(WaiterStatus status) {
    return new StatusResponse(
        "waiting",
        status.position(),
        status.etaSec(),
        status.waitingTimeSec(),
        status.readyForEntry(),
        status.pollAfterMs());
  }
}
