package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.JoinReceipt;

/** 202 body of a join: the waiting token and where it stands right now, with the ETA's range. */
record JoinResponse(
    String waitingToken,
    long positionHint,
    String status,
    long etaSec,
    long pollAfterMs,
    long etaLowSec,
    long etaHighSec) {

  static JoinResponse from(JoinReceipt receipt) {
    return new JoinResponse(
        receipt.waitingToken(),
        receipt.position(),
        "waiting",
        receipt.etaSec(),
        receipt.pollAfterMs(),
        receipt.etaLowSec(),
        receipt.etaHighSec());
  }
}
