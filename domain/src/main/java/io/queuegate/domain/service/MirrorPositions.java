package io.queuegate.domain.service;

import io.queuegate.domain.mirror.LineMirror;
import io.queuegate.domain.mirror.MirrorStanding;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.EtaStamps;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Status's first tier (docs/design.md#line-mirror): a waiter whose token seals its first-come place
 * is placed by the instance's fresh mirror of its line, without a store round trip. Anything else
 * (no sealed place, no fresh mirror, a sale not yet seen open, a place the mirror does not hold, a
 * place sealed before the line's sequence last began again or a line whose start is unknown) goes
 * to the store, which also knows why a waiter is gone.
 */
public final class MirrorPositions {
  /** How status reports a position read from the mirror. */
  public static final PositionMethod MIRROR = new PositionMethod("mirror");

  private final LineMirrors mirrors;
  private final EtaStamps stamps;

  public MirrorPositions(LineMirrors mirrors, EtaStamps stamps) {
    this.mirrors = Objects.requireNonNull(mirrors);
    this.stamps = Objects.requireNonNull(stamps);
  }

  /** The store's methods with the mirror's added, so that metrics show each from 0. */
  public static List<PositionMethod> withMirror(List<PositionMethod> storeMethods) {
    return Stream.concat(storeMethods.stream(), Stream.of(MIRROR)).distinct().toList();
  }

  /**
   * For a token that seals its place: counts the status call towards mirroring its event, then the
   * waiter's standing from the mirror with the mirror's version. Empty when the store must answer.
   */
  public Optional<MirroredStanding> standing(
      String rawToken, WaitingToken token, Supplier<QueuePolicy> policy, Instant now) {
    Optional<SealedPlace> place = stamps.placeOf(rawToken);
    if (place.isEmpty()) {
      return Optional.empty();
    }
    // Only a place this service sealed counts: it names an event that had a line, so made-up event
    // ids can neither grow the instance's demand counts nor take its mirror slots.
    mirrors.hit(token.eventId(), now);
    Optional<LineMirror> fresh = mirrors.fresh(token.eventId(), now);
    if (fresh.isEmpty() || !open(policy.get(), fresh.get(), now)) {
      return Optional.empty();
    }
    MirrorStanding standing = fresh.get().standing(Place.line(place.get().sequence()));
    if (!standing.waiting() || !sameRun(place.get(), standing)) {
      return Optional.empty();
    }
    Waiter waiter =
        new Waiter(
            token.eventId(),
            token.waiterId(),
            place.get().sequence(),
            Optional.empty(),
            Optional.empty(),
            place.get().joinedAt());
    return Optional.of(
        new MirroredStanding(
            new WaiterStanding(waiter, standing.ahead() + 1, MIRROR), standing.version()));
  }

  // A sequence names one waiter only within a run of the line's sequence: a place sealed before the
  // run began belongs to someone gone, whose sequence a newcomer may hold now. The join that began
  // the run is sealed with the start itself, so it is in the run.
  private static boolean sameRun(SealedPlace place, MirrorStanding standing) {
    long started = standing.lineStartedMs();
    return started > 0 && place.joinedAt().toEpochMilli() >= started;
  }

  // A scheduled sale opens on the first call after its time (status or join does it); until the
  // mirror has seen it open, the store path runs, which opens it.
  private static boolean open(QueuePolicy policy, LineMirror mirror, Instant now) {
    Optional<Instant> opensAt = policy.schedule().map(SaleSchedule::opensAt);
    return opensAt.isEmpty() || (!now.isBefore(opensAt.get()) && mirror.opened());
  }
}
