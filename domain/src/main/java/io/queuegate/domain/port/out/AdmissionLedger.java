package io.queuegate.domain.port.out;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import java.time.Instant;

/** Admissions per event: the atomic enter step, single use, and the counts the ETA uses. */
public interface AdmissionLedger {

  /**
   * In one atomic step, checking in this order and stopping at the first refusal: the waiter is in
   * the line; admission is not paused; the waiter is within the ready window; live admissions are
   * below the active limit (when one is set); the event's limiter grants one admission. The limiter
   * is asked last, so a refusal for any other reason never uses up capacity. On success it removes
   * the waiter from the line and records the admission until it expires.
   *
   * @throws io.queuegate.domain.model.NotReady when any check fails; nothing changes then
   * @throws io.queuegate.domain.model.WaiterNotFound when the waiter is not in the line
   * @throws io.queuegate.domain.model.WaiterExpired when the waiter was reaped
   */
  Admission admit(AdmissionAttempt attempt, Instant now);

  /**
   * Marks an admission used, so that it stops counting against the active limit. Returns false when
   * it was used before. Remembers the use until {@code expiresAt}.
   */
  boolean consume(EventId eventId, String admissionId, Instant expiresAt, Instant now);

  /** How many admissions the event had in each ETA window ending at {@code now}. */
  AdmissionWindows recentAdmissions(EventId eventId, Instant now);

  /**
   * The event's admissions per slot of the longest ETA window ending at {@code now} (an admission
   * exactly one slot old falls in the next slot, as for the windows), and how long before {@code
   * now} the oldest of them happened.
   */
  AdmissionHistory admissionHistory(EventId eventId, Instant now);
}
