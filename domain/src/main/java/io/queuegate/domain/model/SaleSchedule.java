package io.queuegate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled sale (docs/design.md#pre-queue): joins are refused before {@code preQueueStartsAt},
 * enter the pre-queue until {@code opensAt}, and line up first come, first served after it, behind
 * the pre-queue in its random order. {@code publicValueSource} names a public value fixed in
 * advance (a lottery draw, a randomness beacon round) that is mixed into the shuffle.
 */
public record SaleSchedule(
    Instant preQueueStartsAt, Instant opensAt, Optional<String> publicValueSource) {
  public static final int MAX_SOURCE_LENGTH = 200;

  public SaleSchedule {
    Objects.requireNonNull(preQueueStartsAt, "preQueueStartsAt");
    Objects.requireNonNull(opensAt, "opensAt");
    Objects.requireNonNull(publicValueSource, "publicValueSource");
    if (!preQueueStartsAt.isBefore(opensAt)) {
      throw new InvalidPolicy(PolicyField.PRE_QUEUE_STARTS_AT, "must be before opens_at");
    }
    publicValueSource.ifPresent(SaleSchedule::checkSource);
  }

  /** Whether the sale has opened at {@code now}. */
  public boolean isOpenAt(Instant now) {
    return !now.isBefore(opensAt);
  }

  /** Whether the pre-queue takes joins at {@code now}. */
  public boolean inPreQueueAt(Instant now) {
    return !now.isBefore(preQueueStartsAt) && now.isBefore(opensAt);
  }

  private static void checkSource(String source) {
    if (source.isEmpty() || source.length() > MAX_SOURCE_LENGTH || !Text.isPrintable(source)) {
      throw new InvalidPolicy(
          PolicyField.SHUFFLE_PUBLIC_VALUE_SOURCE,
          "must be 1 to " + MAX_SOURCE_LENGTH + " characters without control characters");
    }
  }
}
