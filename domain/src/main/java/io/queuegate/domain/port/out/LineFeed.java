package io.queuegate.domain.port.out;

import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.model.EventId;

/**
 * The change feed of one event's line (docs/design.md#feed): every join, leave, admission, expiry
 * and opening, written by the store in the same atomic step as the change itself, in the store's
 * order. An instance follows it to keep a {@link io.queuegate.domain.mirror.LineMirror} of the line
 * without asking the store where each waiter stands.
 *
 * <p>A version is a number that grows with every entry of one feed; 0 stands before the first.
 * Entries are never changed, but old ones are trimmed and a deleted event's feed begins again, so a
 * reader that fell too far behind is told with {@link FeedGap} and starts over from {@link #head}.
 */
public interface LineFeed {

  /**
   * The feed's last version and, atomically with it, how many wait in the pre-queue (0 once there
   * is none) and when the line's sequence last began again from 1 (0 when unknown): the start of a
   * snapshot. The join that begins the sequence again writes {@link
   * io.queuegate.domain.mirror.LineChange.Restarted} with its own time before its join, so that a
   * reader can tell a sequence's holder from an earlier holder of the same number. A reader then
   * reads the line with {@link #page} and applies the feed after this version on top, which makes
   * the mirror exact at the last version applied.
   */
  FeedHead head(EventId eventId);

  /**
   * Up to {@code max} sequence numbers of first-come waiters still in the line, above {@code
   * afterSequence}, in ascending order. Pages are read one after another while the line changes;
   * applying the feed from the snapshot's head on top corrects whatever moved meanwhile, because a
   * join or leave applied twice changes nothing.
   */
  LinePage page(EventId eventId, long afterSequence, int max);

  /**
   * The entries after version {@code after}, oldest first, at most {@code max}; an empty batch when
   * there is none yet. Never blocks beyond one store call.
   *
   * @throws FeedGap when the feed no longer holds every entry after {@code after} (trimmed, or the
   *     event was deleted and its feed began again)
   */
  FeedBatch read(EventId eventId, long after, int max);
}
