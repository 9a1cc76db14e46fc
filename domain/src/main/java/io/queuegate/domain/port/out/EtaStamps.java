package io.queuegate.domain.port.out;

import io.queuegate.domain.model.WaitingToken;
import java.util.OptionalLong;

/**
 * Seals the ETA a waiter was told at join into its waiting token (docs/design.md#eta), so that its
 * admission can record how far off the ETA was while the store keeps nothing more per waiter. The
 * client carries the stamp; only a stamp this service sealed for that very waiter reads back.
 */
public interface EtaStamps {

  /** The stamp for {@code token} told {@code etaSec} (at most a day or so) at join. */
  String stamp(WaitingToken token, long etaSec);

  /** The ETA sealed in the raw token as a client sent it, or empty without a valid stamp. */
  OptionalLong etaAtJoin(String rawToken);
}
