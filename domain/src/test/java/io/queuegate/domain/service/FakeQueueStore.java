package io.queuegate.domain.service;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Gcra;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.Opening;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.QueueFull;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleLocked;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStanding;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.PreQueue;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately simple line and ledger for service tests: positions by counting, no indexes. The
 * real stores are held to the port contracts by their own suites; this one only has to be obvious.
 * A pre-queue entrant stays in the line by its sequence (for heartbeats and reaping) and is ranked
 * apart: before the opening at the pre-queue's size, after it by score, ahead of everyone else.
 */
final class FakeQueueStore implements WaitingLine, AdmissionLedger, PreQueue {
  private final Map<EventId, TreeMap<Long, Waiter>> lines = new HashMap<>();
  private final Map<WaiterId, Instant> heartbeats = new HashMap<>();
  private final Map<WaiterId, Instant> expiredUntil = new HashMap<>();
  private final Map<IdentityKey, Waiter> byIdentity = new HashMap<>();
  private final Map<EventId, Long> sequences = new HashMap<>();
  private final Map<EventId, Instant> limiterTat = new HashMap<>();
  private final Map<EventId, List<Instant>> admissions = new HashMap<>();
  private final Map<EventId, ShuffleState> shuffles = new HashMap<>();
  private final Map<WaiterId, EntrantId> entrantOf = new HashMap<>();
  private final Map<EntrantId, OptionalLong> scores = new HashMap<>();

  @Override
  public synchronized Joined join(NewWaiter newWaiter, long maxWaiting, Instant now) {
    Optional<Waiter> existing =
        newWaiter.identity().map(id -> byIdentity.get(new IdentityKey(newWaiter.eventId(), id)));
    if (existing.isPresent()) {
      heartbeats.put(existing.get().id(), now);
      return new Joined(standing(existing.get()), true);
    }
    TreeMap<Long, Waiter> line = lines.computeIfAbsent(newWaiter.eventId(), e -> new TreeMap<>());
    if (maxWaiting > 0 && line.size() >= maxWaiting) {
      throw new QueueFull();
    }
    long sequence = sequences.merge(newWaiter.eventId(), 1L, Long::sum);
    Waiter waiter =
        new Waiter(
            newWaiter.eventId(),
            newWaiter.id(),
            sequence,
            newWaiter.userId(),
            newWaiter.identity(),
            now);
    line.put(sequence, waiter);
    heartbeats.put(waiter.id(), now);
    if (newWaiter.preQueue().isPresent() && !opened(newWaiter.eventId())) {
      entrantOf.put(waiter.id(), newWaiter.preQueue().get().entrant());
      scores.put(newWaiter.preQueue().get().entrant(), newWaiter.preQueue().get().score());
    }
    newWaiter
        .identity()
        .ifPresent(id -> byIdentity.put(new IdentityKey(waiter.eventId(), id), waiter));
    return new Joined(standing(waiter), false);
  }

  @Override
  public synchronized WaiterStanding locate(EventId eventId, WaiterId waiterId, Instant now) {
    return standing(find(eventId, waiterId, now));
  }

  @Override
  public synchronized void touch(EventId eventId, Collection<WaiterId> waiterIds, Instant now) {
    for (WaiterId id : waiterIds) {
      heartbeats.computeIfPresent(id, (k, v) -> now);
    }
  }

  @Override
  public synchronized boolean leave(EventId eventId, WaiterId waiterId, Instant now) {
    return remove(eventId, waiterId).isPresent();
  }

  @Override
  public synchronized int reap(
      EventId eventId, Instant silentSince, int limit, Duration rememberFor, Instant now) {
    List<Waiter> silent = new ArrayList<>();
    for (Waiter waiter : lines.getOrDefault(eventId, new TreeMap<>()).values()) {
      if (silent.size() < limit && heartbeats.get(waiter.id()).isBefore(silentSince)) {
        silent.add(waiter);
      }
    }
    for (Waiter waiter : silent) {
      remove(eventId, waiter.id());
      expiredUntil.put(waiter.id(), now.plus(rememberFor));
    }
    return silent.size();
  }

  @Override
  public synchronized Set<EventId> activeEvents() {
    Set<EventId> active = new HashSet<>();
    lines.forEach(
        (event, line) -> {
          if (!line.isEmpty()) {
            active.add(event);
          }
        });
    return active;
  }

  @Override
  public synchronized EventStats stats(EventId eventId, Instant now) {
    TreeMap<Long, Waiter> line = lines.getOrDefault(eventId, new TreeMap<>());
    Optional<Instant> oldest =
        line.isEmpty() ? Optional.empty() : Optional.of(line.firstEntry().getValue().joinedAt());
    long admitted = admissions.getOrDefault(eventId, List.of()).size();
    return new EventStats(line.size(), 0, admitted, 0, 0, 0, oldest);
  }

  @Override
  public synchronized void deleteEvent(EventId eventId) {
    lines.remove(eventId);
  }

  @Override
  public List<PositionMethod> positionMethods() {
    return List.of(TestWaiters.INDEX);
  }

  @Override
  public synchronized Admission admit(AdmissionAttempt attempt, Instant now) {
    Waiter waiter = find(attempt.eventId(), attempt.waiterId(), now);
    WaiterStanding standing = standing(waiter);
    long position = standing.position();
    if (attempt.admissionPaused()) {
      throw NotReady.paused();
    }
    if (standing.inPreQueue()) {
      throw NotReady.notOpen(Duration.ZERO);
    }
    if (position > attempt.readyWindow()) {
      throw NotReady.beyondWindow(position, attempt.readyWindow(), 1);
    }
    Gcra.Decision decision = attempt.limiter().decide(limiterTat.get(attempt.eventId()), now);
    if (!decision.allowed()) {
      throw NotReady.noCapacity(decision.retryAfter());
    }
    limiterTat.put(attempt.eventId(), decision.tat());
    remove(attempt.eventId(), attempt.waiterId());
    admissions.computeIfAbsent(attempt.eventId(), e -> new ArrayList<>()).add(now);
    return new Admission(attempt.admissionId(), waiter, now, now.plus(attempt.ttl()));
  }

  @Override
  public synchronized boolean consume(
      EventId eventId, String admissionId, Instant expiresAt, Instant now) {
    throw new UnsupportedOperationException("not needed by the flow tests");
  }

  @Override
  public synchronized AdmissionWindows recentAdmissions(EventId eventId, Instant now) {
    List<Instant> times = admissions.getOrDefault(eventId, List.of());
    return new AdmissionWindows(
        countSince(times, now.minusSeconds(60)),
        countSince(times, now.minusSeconds(300)),
        countSince(times, now.minusSeconds(900)));
  }

  @Override
  public synchronized AdmissionHistory admissionHistory(EventId eventId, Instant now) {
    List<Instant> times = admissions.getOrDefault(eventId, List.of());
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < AdmissionHistory.SLOTS; i++) {
      Instant newer = now.minus(AdmissionHistory.SLOT.multipliedBy(i));
      slots.add(countSince(times, newer.minus(AdmissionHistory.SLOT)) - countSince(times, newer));
    }
    Instant oldest =
        times.stream()
            .filter(t -> t.isAfter(now.minusSeconds(900)))
            .min(Instant::compareTo)
            .orElse(now);
    return new AdmissionHistory(slots, java.time.Duration.between(oldest, now));
  }

  private static long countSince(List<Instant> times, Instant since) {
    return times.stream().filter(t -> t.isAfter(since)).count();
  }

  private Waiter find(EventId eventId, WaiterId waiterId, Instant now) {
    Instant expiry = expiredUntil.get(waiterId);
    if (expiry != null && now.isBefore(expiry)) {
      throw new WaiterExpired();
    }
    return lines.getOrDefault(eventId, new TreeMap<>()).values().stream()
        .filter(w -> w.id().equals(waiterId))
        .findFirst()
        .orElseThrow(WaiterNotFound::new);
  }

  private WaiterStanding standing(Waiter waiter) {
    TreeMap<Long, Waiter> line = lines.get(waiter.eventId());
    List<EntrantId> preQueue =
        line.values().stream().map(w -> entrantOf.get(w.id())).filter(e -> e != null).toList();
    EntrantId entrant = entrantOf.get(waiter.id());
    if (entrant == null) {
      long ahead =
          line.headMap(waiter.sequence()).values().stream()
              .filter(w -> !entrantOf.containsKey(w.id()))
              .count();
      return new WaiterStanding(waiter, preQueue.size() + ahead + 1, TestWaiters.INDEX);
    }
    if (!opened(waiter.eventId())) {
      return new WaiterStanding(waiter, preQueue.size(), TestWaiters.INDEX, true);
    }
    Comparator<EntrantId> shuffled =
        Comparator.<EntrantId>comparingLong(e -> scores.get(e).getAsLong())
            .thenComparing(Comparator.naturalOrder());
    long ahead = preQueue.stream().filter(e -> shuffled.compare(e, entrant) < 0).count();
    return new WaiterStanding(waiter, ahead + 1, TestWaiters.INDEX);
  }

  private boolean opened(EventId eventId) {
    ShuffleState shuffle = shuffles.get(eventId);
    return shuffle != null && shuffle.opened();
  }

  @Override
  public synchronized Optional<ShuffleState> shuffle(EventId eventId) {
    return Optional.ofNullable(shuffles.get(eventId));
  }

  @Override
  public synchronized ShuffleState seal(EventId eventId, ShuffleSeed candidate) {
    return shuffles.computeIfAbsent(eventId, e -> ShuffleState.sealed(candidate, Optional.empty()));
  }

  @Override
  public synchronized ShuffleState setPublicValue(EventId eventId, String publicValue) {
    ShuffleState current = shuffles.get(eventId);
    if (current == null) {
      throw new ShuffleNotFound();
    }
    if (current.opened() || current.publicValue().filter(v -> !v.equals(publicValue)).isPresent()) {
      throw new ShuffleLocked("fixed");
    }
    ShuffleState next = ShuffleState.sealed(current.seed(), Optional.of(publicValue));
    shuffles.put(eventId, next);
    return next;
  }

  @Override
  public synchronized List<EntrantId> unscored(EventId eventId, int limit) {
    return lines.getOrDefault(eventId, new TreeMap<>()).values().stream()
        .map(w -> entrantOf.get(w.id()))
        .filter(e -> e != null && scores.get(e).isEmpty())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void score(EventId eventId, Collection<ScoredEntrant> scored) {
    for (ScoredEntrant s : scored) {
      scores.computeIfPresent(
          s.entrant(), (e, old) -> old.isEmpty() ? OptionalLong.of(s.score()) : old);
    }
  }

  @Override
  public synchronized Opening open(EventId eventId, Instant now) {
    ShuffleState current = shuffles.get(eventId);
    if (current == null) {
      throw new ShuffleNotFound();
    }
    if (current.opened()) {
      return Opening.opened(current.openedAt().get());
    }
    int left = unscored(eventId, Integer.MAX_VALUE).size();
    if (left > 0) {
      return Opening.unscored(left);
    }
    long entrants =
        lines.getOrDefault(eventId, new TreeMap<>()).values().stream()
            .filter(w -> entrantOf.containsKey(w.id()))
            .count();
    shuffles.put(
        eventId,
        new ShuffleState(current.seed(), current.publicValue(), Optional.of(now), entrants));
    return Opening.opened(now);
  }

  private Optional<Waiter> remove(EventId eventId, WaiterId waiterId) {
    TreeMap<Long, Waiter> line = lines.getOrDefault(eventId, new TreeMap<>());
    Optional<Waiter> waiter =
        line.values().stream().filter(w -> w.id().equals(waiterId)).findFirst();
    waiter.ifPresent(
        w -> {
          line.remove(w.sequence());
          heartbeats.remove(w.id());
          EntrantId entrant = entrantOf.remove(w.id());
          if (entrant != null) {
            scores.remove(entrant);
          }
          w.identity().ifPresent(id -> byIdentity.remove(new IdentityKey(eventId, id)));
        });
    return waiter;
  }

  private record IdentityKey(EventId eventId, Identity identity) {}
}
