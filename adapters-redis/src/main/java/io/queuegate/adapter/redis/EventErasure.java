package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import java.util.ArrayList;
import java.util.List;

/**
 * One delete of an event in progress, a bounded step at a time: first erase.lua (the fence, then
 * the line a batch of waiters per step, then the event's keys), then the event's keys that no
 * structure lists, a SCAN page per step (erase_keys.lua, only while the fence stands), then the
 * fence itself.
 */
final class EventErasure {
  private final EventId eventId;
  private final RedisKeys keys;
  private final RedisLink link;
  private final RedisCalls calls;
  private final ScriptRunner scripts;
  private final Housekeeping housekeeping;
  private final String feedLength;
  private EventKeyScan leftovers;

  EventErasure(
      EventId eventId,
      RedisLink link,
      RedisCalls calls,
      ScriptRunner scripts,
      Housekeeping housekeeping,
      String feedLength) {
    this.eventId = eventId;
    this.keys = new RedisKeys(eventId);
    this.link = link;
    this.calls = calls;
    this.scripts = scripts;
    this.housekeeping = housekeeping;
    this.feedLength = feedLength;
  }

  EventId eventId() {
    return eventId;
  }

  /**
   * One bounded step.
   *
   * @return true once the event is gone, fence included (or the fence lapsed, and what is left is a
   *     new line's or expires by itself)
   */
  boolean step() {
    String fenceMillis = Long.toString(housekeeping.fence().toMillis());
    if (leftovers == null) {
      List<String> keyList = new ArrayList<>(keys.lineKeys());
      keyList.addAll(List.of(keys.erasing(), keys.limiter(), keys.admissions()));
      List<Object> reply =
          scripts.run(
              Script.ERASE,
              keyList,
              List.of(
                  Integer.toString(housekeeping.eraseBatch()),
                  fenceMillis,
                  keys.waiterPrefix(),
                  feedLength));
      if (Replies.number(reply, 1) == 1) {
        leftovers = new EventKeyScan(link, calls, keys);
      }
      return false;
    }
    EventKeyScan.Page page = leftovers.next();
    if (!page.found().isEmpty()) {
      List<String> keyList = new ArrayList<>(page.found().size() + 1);
      keyList.add(keys.erasing());
      keyList.addAll(page.found());
      long unlinked =
          CountReply.from(scripts.run(Script.ERASE_KEYS, keyList, List.of(fenceMillis))).count();
      if (unlinked < 0) {
        return true;
      }
    }
    if (!page.last()) {
      return false;
    }
    calls.await(link.commands().del(keys.erasing()));
    return true;
  }
}
