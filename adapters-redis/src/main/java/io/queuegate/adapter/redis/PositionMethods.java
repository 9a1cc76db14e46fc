package io.queuegate.adapter.redis;

import io.queuegate.domain.model.PositionMethod;
import java.util.List;

/** The three ways the Redis store finds a position, as metrics and operators see them. */
final class PositionMethods {
  /** Tier 1: ZRANK on the position index. */
  static final PositionMethod INDEX = new PositionMethod("position_index");

  /** Tier 2: a bounded SCAN over the per-waiter keys when the index misses a waiter. */
  static final PositionMethod SCAN = new PositionMethod("scan_fallback");

  /** Tier 3: ZRANK on the legacy ZSET when the per-waiter record is gone too. */
  static final PositionMethod LEGACY = new PositionMethod("legacy_zset");

  static final List<PositionMethod> ALL = List.of(INDEX, SCAN, LEGACY);

  private PositionMethods() {}
}
