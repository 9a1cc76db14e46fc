package io.queuegate.domain.port.out;

import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaitingToken;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Seals the ETA a waiter was told at join into its waiting token (docs/design.md#eta), so that its
 * admission can record how far off the ETA was while the store keeps nothing more per waiter, and
 * for a first-come waiter its place in the line too, so that status can answer from the mirror
 * (docs/design.md#line-mirror). The client carries the stamp; only a stamp this service sealed for
 * that very waiter reads back, whole.
 */
public interface EtaStamps {

  /** The stamp for {@code token} told {@code etaSec} (at most a day or so) at join. */
  String stamp(WaitingToken token, long etaSec);

  /** The stamp for {@code token} told {@code etaSec} at join, holding its first-come place. */
  String stamp(WaitingToken token, long etaSec, SealedPlace place);

  /** The ETA sealed in the raw token as a client sent it, or empty without a valid stamp. */
  OptionalLong etaAtJoin(String rawToken);

  /** The place sealed in the raw token as a client sent it, or empty without a valid one. */
  Optional<SealedPlace> placeOf(String rawToken);
}
