package io.queuegate.adapter.http.queue;

import io.queuegate.domain.model.AdmissionGrant;
import java.time.temporal.ChronoUnit;

/** 200 body of a granted enter. {@code expires_at} is RFC 3339 in UTC. */
record EnterResponse(String admission, String reservationToken, long ttlSec, String expiresAt) {

  static EnterResponse from(AdmissionGrant grant) {
    return new EnterResponse(
        "granted",
        grant.reservationToken(),
        grant.ttlSec(),
        grant.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
