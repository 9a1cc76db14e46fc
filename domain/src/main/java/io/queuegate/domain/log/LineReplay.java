package io.queuegate.domain.log;

import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.ShuffleKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rebuilds the line record by record, as the stores keep it (docs/design.md#log): the pre-queue
 * entrants, in their shuffled order once the opening ran, ahead of everyone who joined first come.
 * Checks that the opening's key follows from its seed and public value, that its seed matches the
 * commitment, that the count of entrants it ordered is right, and that every admission took the
 * entrant from within its ready window (and within {@code maxWindow} when given), at the position
 * the record states.
 */
final class LineReplay {
  /**
   * Where an entrant stands: in the pre-queue (slot once shuffled) or first come (by their order in
   * the log).
   */
  private static final class Place {
    final boolean preQueue;
    final int ordinal;
    int slot;

    Place(boolean preQueue, int ordinal) {
      this.preQueue = preQueue;
      this.ordinal = ordinal;
    }
  }

  private final Optional<String> commitment;
  private final Optional<Long> maxWindow;
  private final Consumer<Finding> findings;
  private final Map<EntrantId, Place> present = new HashMap<>();
  private final Ranks firstCome;
  private Ranks shuffled;
  private long preQueueSize;
  private Optional<LogRecord.Opening> opening = Optional.empty();
  private final Map<EntrantId, Integer> shuffledPlaces = new HashMap<>();
  private long admissions;
  private long widestPosition;

  LineReplay(
      int records,
      Optional<String> commitment,
      Optional<Long> maxWindow,
      Consumer<Finding> findings) {
    this.commitment = commitment;
    this.maxWindow = maxWindow;
    this.findings = findings;
    this.firstCome = new Ranks(records + 1);
  }

  /** Replays {@code record}, the {@code ordinal}-th of the log (1-based, whatever its seq says). */
  void apply(LogRecord record, int ordinal) {
    switch (record) {
      case LogRecord.Join j -> join(j, ordinal);
      case LogRecord.Opening o -> open(o);
      case LogRecord.Admission a -> admit(a);
      case LogRecord.Leave l -> remove(l.seq(), l.entrant(), "leaves");
      case LogRecord.Expiry e -> remove(e.seq(), e.entrant(), "expires");
    }
  }

  /** The opening, once replayed. */
  Optional<LogRecord.Opening> opening() {
    return opening;
  }

  /** The 1-based place of each pre-queue entrant the opening ordered. */
  Map<EntrantId, Integer> shuffledPlaces() {
    return shuffledPlaces;
  }

  long admissions() {
    return admissions;
  }

  /** The farthest position from the head any admission took. */
  long widestPosition() {
    return widestPosition;
  }

  long stillWaiting() {
    return present.size();
  }

  private void join(LogRecord.Join j, int ordinal) {
    if (present.containsKey(j.entrant())) {
      findings.accept(new Finding(j.seq(), "entrant " + j.entrant() + " joins while in line"));
      return;
    }
    if (j.preQueue() && opening.isPresent()) {
      findings.accept(new Finding(j.seq(), "a pre-queue join after the opening"));
    }
    Place place = new Place(j.preQueue(), ordinal);
    present.put(j.entrant(), place);
    if (j.preQueue()) {
      preQueueSize++;
    } else {
      firstCome.add(ordinal, 1);
    }
  }

  private void open(LogRecord.Opening o) {
    if (opening.isPresent()) {
      findings.accept(new Finding(o.seq(), "a second opening"));
      return;
    }
    opening = Optional.of(o);
    if (!ShuffleKey.of(o.seed(), o.publicValue()).equals(o.key())) {
      findings.accept(
          new Finding(
              o.seq(), "the key is not HMAC-SHA256(seed, public value) of the revealed seed"));
    }
    commitment
        .filter(c -> !c.equals(o.seed().commitment()))
        .ifPresent(
            c ->
                findings.accept(
                    new Finding(
                        o.seq(),
                        "SHA-256 of the revealed seed is "
                            + o.seed().commitment()
                            + ", not the commitment "
                            + c)));
    List<EntrantId> order = new ArrayList<>();
    present.forEach(
        (entrant, place) -> {
          if (place.preQueue) {
            order.add(entrant);
          }
        });
    // The published order: the key recomputed from the seed, whatever key the record states.
    ShuffleKey.Scorer scorer = ShuffleKey.of(o.seed(), o.publicValue()).scorer();
    Map<EntrantId, Long> scores = new HashMap<>();
    order.forEach(e -> scores.put(e, scorer.orderScore(e)));
    order.sort(Comparator.<EntrantId>comparingLong(scores::get).thenComparing(e -> e));
    shuffled = new Ranks(order.size());
    for (int i = 0; i < order.size(); i++) {
      present.get(order.get(i)).slot = i + 1;
      shuffled.add(i + 1, 1);
      shuffledPlaces.put(order.get(i), i + 1);
    }
    if (o.entrants() != order.size()) {
      findings.accept(
          new Finding(
              o.seq(),
              "the opening counts "
                  + o.entrants()
                  + " entrants but the log holds "
                  + order.size()
                  + " in the pre-queue"));
    }
  }

  private void admit(LogRecord.Admission a) {
    Place place = present.get(a.entrant());
    if (place == null) {
      findings.accept(new Finding(a.seq(), "admits " + a.entrant() + ", who is not in line"));
      return;
    }
    if (place.preQueue && opening.isEmpty()) {
      findings.accept(new Finding(a.seq(), "admits a pre-queue entrant before the opening"));
    } else {
      long position = position(place);
      widestPosition = Math.max(widestPosition, position);
      if (position != a.position()) {
        findings.accept(
            new Finding(
                a.seq(), "the entrant stood at position " + position + ", not " + a.position()));
      }
      if (position > a.window()) {
        findings.accept(
            new Finding(
                a.seq(),
                "admission beyond the ready window: position "
                    + position
                    + " > window "
                    + a.window()));
      }
      maxWindow
          .filter(limit -> a.window() > limit)
          .ifPresent(
              limit ->
                  findings.accept(
                      new Finding(
                          a.seq(),
                          "ready window " + a.window() + " is wider than the expected " + limit)));
    }
    admissions++;
    take(a.entrant(), place);
  }

  private void remove(long seq, EntrantId entrant, String what) {
    Place place = present.get(entrant);
    if (place == null) {
      findings.accept(new Finding(seq, entrant + " " + what + " but is not in line"));
      return;
    }
    take(entrant, place);
  }

  // Before the opening every pre-queue place is still open; first-come waiters stand behind all.
  private long position(Place place) {
    if (place.preQueue) {
      return shuffled.rank(place.slot);
    }
    return preQueueSize + firstCome.rank(place.ordinal);
  }

  private void take(EntrantId entrant, Place place) {
    present.remove(entrant);
    if (!place.preQueue) {
      firstCome.add(place.ordinal, -1);
      return;
    }
    preQueueSize--;
    if (place.slot > 0) {
      shuffled.add(place.slot, -1);
    }
  }
}
