package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.JoinReceipt;

/** 202 body of a join: the waiting token and where it stands right now. */
record JoinResponse(
    String waitingToken, long positionHint, String status, long etaSec, long pollAfterMs) {

  static JoinResponse from(JoinReceipt receipt) {
    return new JoinResponse(
        receipt.token().encode(),
        receipt.position(),
        "waiting",
        receipt.etaSec(),
        receipt.pollAfterMs());
  }
}
