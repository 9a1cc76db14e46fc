package io.queuegate.domain.port.out;

import io.queuegate.domain.model.AtOnceAttempt;
import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Revocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gate's sessions in the store. A session is a live admission of its event (it counts against
 * {@code max_active} until it expires or ends), plus, once ended early, an entry in the event's
 * revocation set that every instance polls.
 */
public interface GateSessions {

  /**
   * In one atomic step on the event: unless the attempt is only {@code counted}, checks in this
   * order and stops at the first refusal: nobody waits in the line, admission is not paused, live
   * admissions are below the active limit (when one is set), the limiter grants one admission
   * (asked last, so no other refusal uses up capacity). Then records the admission as live until
   * the attempt's {@code expiresAt}, counts it as admitted and in the ETA windows.
   */
  AtOnceResult admitAtOnce(AtOnceAttempt attempt, Instant now);

  /**
   * Moves the expiry of each live admission named in {@code expiries} to its new instant, never
   * earlier. An admission that is no longer live (expired, ended, consumed) stays gone.
   */
  void extend(EventId eventId, Map<String, Instant> expiries, Instant now);

  /**
   * Ends an admission early: it stops counting against the active limit, and joins the event's
   * revocation set, which keeps entries for {@code remember}. Returns whether it was live.
   */
  boolean end(EventId eventId, String admissionId, Duration remember, Instant now);

  /** The event's revocations made at or after {@code since}, oldest first. */
  List<Revocation> revokedSince(EventId eventId, Instant since);
}
