package io.queuegate.domain.service;

import io.queuegate.domain.model.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which heartbeats of a mirrored line an instance may leave unsent (docs/design.md#heartbeat): a
 * waiter's heartbeat is sent once per thinning window, by the first status call of the window, and
 * the reaper allows one window more, so a waiter who polls faster than it must costs the store no
 * more than one write per window and instance.
 *
 * <p>Each waiter's windows are shifted by its sequence, so that the writes of a line that polls
 * together are spread over the window instead of all falling at its start. The instance remembers,
 * per event and sequence, the window it last sent in as 4 bits (the window's number modulo 15),
 * half a byte per waiter, in pages of 1,024 sequences. A page is started afresh once it is 7 to 14
 * windows old (staggered by page), so no mark it holds is 15 windows old: a remembered window can
 * never be mistaken for the current one. Forgetting is always safe; it only sends a heartbeat more.
 */
public final class HeartbeatThinning {
  /** The longest window: how much later a silent waiter may be reaped for the thinning. */
  static final Duration LONGEST = Duration.ofSeconds(30);

  /** A window shorter than this saves next to nothing over the flush and is not used. */
  static final Duration SHORTEST = Duration.ofSeconds(2);

  /** The window is at most this part of the heartbeat timeout. */
  static final int PARTS_OF_TIMEOUT = 10;

  // Sequences per page: 1,024 waiters in 64 longs (512 bytes), 16 windows of 4 bits a long.
  private static final int PAGE_SHIFT = 10;
  private static final int PER_LONG = 16;
  private static final int WINDOWS_REMEMBERED = 15;
  // A page lives 7 windows and up to 7 more: under the 15 windows after which marks repeat.
  private static final long RENEW_AFTER = 7;
  private static final long RENEW_SPREAD = 7;

  /** Pages kept over all events before everything is forgotten: 32 MiB, 64M sequences. */
  static final int MAX_PAGES = 65_536;

  /** An event whose heartbeats were not thinned for this long is forgotten. */
  static final Duration IDLE = Duration.ofMinutes(10);

  // How finely an event's last use is kept: far finer than IDLE needs.
  private static final long USED_RESOLUTION_MS = 1_000;

  private final ConcurrentHashMap<EventId, Marks> events = new ConcurrentHashMap<>();
  private final AtomicLong pages = new AtomicLong();

  /** The thinning window for {@code heartbeatTimeout}; zero when it is not thinned. */
  public static Duration window(Duration heartbeatTimeout) {
    Duration part = heartbeatTimeout.dividedBy(PARTS_OF_TIMEOUT);
    Duration window = part.compareTo(LONGEST) > 0 ? LONGEST : part;
    return window.compareTo(SHORTEST) < 0 ? Duration.ZERO : window;
  }

  /**
   * True when the heartbeat of the waiter at {@code sequence} must be sent: this is the first call
   * of its window on this instance (or the event is not thinned); false when it was sent already.
   */
  public boolean firstInWindow(
      EventId eventId, long sequence, Duration heartbeatTimeout, Instant now) {
    long windowMs = window(heartbeatTimeout).toMillis();
    if (windowMs == 0 || sequence < 1) {
      return true;
    }
    long nowMs = now.toEpochMilli();
    // A fixed scatter of the sequence over the window (Fibonacci hashing): neighbours in line
    // send at different times.
    long shift = Long.remainderUnsigned(sequence * 0x9E3779B97F4A7C15L, windowMs);
    long mark = Math.floorMod(Math.floorDiv(nowMs + shift, windowMs), WINDOWS_REMEMBERED) + 1;
    Marks marks = events.computeIfAbsent(eventId, id -> new Marks(windowMs));
    if (marks.windowMs != windowMs) {
      // The event's timeout changed: its windows are numbered anew, so what was kept means nothing.
      events.remove(eventId, marks);
      pages.addAndGet(-marks.pages.size());
      return true;
    }
    if (nowMs - marks.usedAtMs > USED_RESOLUTION_MS) {
      // Not on every call: a volatile write that every core makes to one field would contend.
      marks.usedAtMs = nowMs;
    }
    Page page = marks.page(sequence >>> PAGE_SHIFT, nowMs, this);
    if (page == null) {
      return true;
    }
    int inPage = (int) (sequence & ((1 << PAGE_SHIFT) - 1));
    int slot = inPage / PER_LONG;
    int bits = (inPage % PER_LONG) * 4;
    while (true) {
      long old = page.marks.get(slot);
      if (((old >>> bits) & 0xF) == mark) {
        return false;
      }
      long updated = (old & ~(0xFL << bits)) | (mark << bits);
      if (page.marks.compareAndSet(slot, old, updated)) {
        return true;
      }
    }
  }

  /** Forgets events not thinned for {@link #IDLE}, and everything when the pages run out. */
  void sweep(Instant now) {
    long idleBefore = now.minus(IDLE).toEpochMilli();
    events
        .entrySet()
        .removeIf(
            e -> {
              boolean idle = e.getValue().usedAtMs < idleBefore;
              if (idle) {
                pages.addAndGet(-e.getValue().pages.size());
              }
              return idle;
            });
  }

  int events() {
    return events.size();
  }

  private boolean claimPage() {
    if (pages.incrementAndGet() <= MAX_PAGES) {
      return true;
    }
    // Sequences beyond what an instance should hold: start over. Sends more, never fewer.
    pages.decrementAndGet();
    events.clear();
    pages.set(0);
    return false;
  }

  /** One page of marks and the instant from which it must be started afresh. */
  private record Page(AtomicLongArray marks, long madeAtMs, long renewAtMs) {}

  /** One event's remembered windows, a page per 1,024 sequences. */
  private static final class Marks {
    private final long windowMs;
    private final ConcurrentHashMap<Long, Page> pages = new ConcurrentHashMap<>();
    private volatile long usedAtMs;

    Marks(long windowMs) {
      this.windowMs = windowMs;
    }

    Page page(long index, long nowMs, HeartbeatThinning owner) {
      Page page = pages.get(index);
      // Marks are set within [made, renew), under 14 windows, and read only within it too: no two
      // instants there are 15 windows apart. A clock set back before the page starts it afresh.
      if (page != null && nowMs < page.renewAtMs() && nowMs >= page.madeAtMs()) {
        return page;
      }
      if (page == null && !owner.claimPage()) {
        return null;
      }
      Page fresh =
          new Page(new AtomicLongArray((1 << PAGE_SHIFT) / PER_LONG), nowMs, renewAt(index, nowMs));
      if (page == null) {
        Page raced = pages.putIfAbsent(index, fresh);
        if (raced != null) {
          owner.pages.decrementAndGet();
          return raced;
        }
        return fresh;
      }
      // A mark set on the old page meanwhile is lost: that waiter sends once more.
      return pages.replace(index, page, fresh) ? fresh : pages.get(index);
    }

    // 7 to 14 windows, by page: pages made together are not all started afresh at once.
    private long renewAt(long index, long nowMs) {
      long spread = Long.remainderUnsigned(index * 0x9E3779B97F4A7C15L, RENEW_SPREAD * windowMs);
      return nowMs + RENEW_AFTER * windowMs + spread;
    }
  }
}
