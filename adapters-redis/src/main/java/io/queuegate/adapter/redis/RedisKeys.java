package io.queuegate.adapter.redis;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Every Redis key name of the store, and nowhere else. Each key of an event carries the hash tag
 * {@code {E}} (the event id, which the domain restricts to characters outside {@code { } * :}), so
 * all of an event's keys live in one slot and each script touches one slot. The comment next to
 * each key says how it goes away: a TTL, or a cleanup path.
 */
final class RedisKeys {
  /**
   * The active-event index: events with waiters, for the reaper. Cleanup: pruned by prune_event.lua
   * once the line is empty.
   */
  static final String ACTIVE_EVENTS = "queuegate:events";

  /**
   * The gate's rooms, field room id, value the encoded room (operator configuration, like a
   * policy). Cleanup: Rooms.delete; Redis drops the hash with its last room.
   */
  static final String ROOMS = "queuegate:rooms";

  private static final String IDEMPOTENCY = "queuegate:idem:";
  private static final String RATE = "queuegate:rate:";

  private final String base;

  RedisKeys(EventId eventId) {
    this.base = "queue:event:{" + eventId.value() + "}";
  }

  /**
   * Legacy ZSET (tier 3), member waiter id, score sequence. Cleanup: leave, admit, reap, delete.
   */
  String legacy() {
    return base;
  }

  /** Position index (tier 1), member waiter id, score sequence. Cleanup: as {@link #legacy()}. */
  String position() {
    return base + ":position";
  }

  /** Per-waiter HASH (seq, uid, ident, joined). Cleanup: deleted on leave, admit and reap. */
  String waiter(WaiterId id) {
    return waiterPrefix() + id.value();
  }

  /** Prefix of the per-waiter keys, for scripts that build a waiter key from an id they read. */
  String waiterPrefix() {
    return base + ":w:";
  }

  /** SCAN pattern for the per-waiter keys (tier 2). */
  String waiterPattern() {
    return base + ":w:*";
  }

  /** Last heartbeat per waiter (ms). Cleanup: members leave with their waiter; reap empties it. */
  String heartbeat() {
    return base + ":heartbeat";
  }

  /**
   * The sequence counter. Cleanup: deleted when the line empties (lib_line.lua settle_if_idle); a
   * join that finds it gone restarts it above the highest sequence still indexed.
   */
  String sequence() {
    return base + ":seq";
  }

  /** Identity to waiter id. Cleanup: fields go with their waiter; Redis drops the empty key. */
  String identities() {
    return base + ":ident";
  }

  /** Expired-waiter tombstone. TTL: PX = the remembered window given to reap. */
  String tombstone(WaiterId id) {
    return tombstonePrefix() + id.value();
  }

  String tombstonePrefix() {
    return base + ":x:";
  }

  /** Admission limiter state (GCRA arrival time). TTL: PX until the bucket is full again. */
  String limiter() {
    return base + ":limiter";
  }

  /**
   * Live admissions, member jti, score expiry ms. TTL: PX to the latest expiry, renewed on admit.
   */
  String live() {
    return base + ":live";
  }

  /**
   * Admission times for the ETA windows, trimmed to the longest window on write. TTL: PX the
   * longest window, on write.
   */
  String admissions() {
    return base + ":admits";
  }

  /** Used-admission marker. TTL: PX until the admission token expires. */
  String used(String admissionId) {
    return base + ":used:" + admissionId;
  }

  /**
   * Counters joined, admitted, left, expired. No TTL while the event has waiters or a policy; once
   * it has neither, PX the idle retention (or until its live admissions end, if later); a join or a
   * saved policy makes it persistent again.
   */
  String stats() {
    return base + ":stats";
  }

  /** The operator's policy, field by field. Cleanup: EventPolicies.delete and deleteEvent. */
  String policy() {
    return base + ":policy";
  }

  /**
   * The fence of an event being deleted: joins are refused while it exists. TTL: PX a few seconds,
   * renewed by each erase step, deleted when the erase ends.
   */
  String erasing() {
    return base + ":erasing";
  }

  /**
   * The gate's ended sessions, member admission id, score when (ms). TTL: PX the remembered window
   * (the rooms' longest hard cap), on write; older members are trimmed on write.
   */
  String revoked() {
    return base + ":revoked";
  }

  /**
   * One spent proof-of-work challenge (hex, checked against its hash before it gets here). TTL: PX
   * until the challenge expires, set with the key (SET NX PX).
   */
  String spentChallenge(String challenge) {
    return base + ":spent:" + challenge;
  }

  /** SCAN pattern matching every key of the event (deleteEvent). */
  String everything() {
    return "*{" + base.substring(base.indexOf('{') + 1, base.indexOf('}')) + "}*";
  }

  /**
   * A scheduled sale's pre-queue entrants with their order score, member entrant id. Cleanup:
   * members leave with their waiter; Redis drops the empty key; deleteEvent.
   */
  String preQueue() {
    return base + ":pre";
  }

  /**
   * Pre-queue entrants not scored yet, member entrant id, score join sequence. Cleanup: members
   * move to {@link #preQueue()} when scored or leave with their waiter; deleteEvent.
   */
  String preQueueUnscored() {
    return base + ":pre:new";
  }

  /**
   * The opening shuffle: seed, public value, opened_at, entrants (operator configuration, like the
   * policy). Cleanup: with the policy (forget_policy.lua) and deleteEvent.
   */
  String shuffle() {
    return base + ":shuffle";
  }

  /**
   * The event's public log (docs/design.md#log): a LIST of canonical record texts, record n at
   * index n - 1. No TTL while the event has waiters or a policy; once it has neither, PX as its
   * counters (lib_line.lua settle_if_idle), and deleteEvent.
   */
  String log() {
    return base + ":log";
  }

  /**
   * The line's change feed (docs/design.md#feed): a STREAM, one entry per script call that changed
   * the line, trimmed by XADD MAXLEN ~. No TTL while the event has waiters or a policy; once it has
   * neither, PX as its counters (lib_line.lua settle_if_idle), and deleteEvent.
   */
  String feed() {
    return base + ":feed";
  }

  /**
   * The keys the line scripts (join, leave, admit, reap, erase, forget_policy) work on, in one
   * fixed order (lib_line.lua names them).
   */
  List<String> lineKeys() {
    return List.of(
        position(),
        legacy(),
        heartbeat(),
        identities(),
        stats(),
        sequence(),
        live(),
        policy(),
        preQueue(),
        preQueueUnscored(),
        shuffle(),
        log(),
        feed());
  }

  /**
   * One idempotency record. TTL: PX the in-flight window, then the keep window. The route-scoped
   * key is hex-encoded so that no client byte can form a hash tag or a glob.
   */
  static String idempotency(String key) {
    return IDEMPOTENCY + hex(key);
  }

  /** One client's request bucket (GCRA arrival time). TTL: PX until the bucket is full again. */
  static String rate(String clientKey) {
    return RATE + hex(clientKey);
  }

  private static String hex(String raw) {
    return HexFormat.of().formatHex(raw.getBytes(StandardCharsets.UTF_8));
  }
}
