package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.EventOverview;
import java.util.Map;
import java.util.TreeMap;

/** Live counts of one event, as {@code GET /api/v1/admin/events/{event_id}} shows them. */
record StatsResponse(
    long waiting,
    long joined,
    long admitted,
    long left,
    long expired,
    long liveAdmissions,
    double admissionRateLastMinute,
    long oldestWaitSec,
    Map<String, Long> positionsByMethod) {

  static StatsResponse from(EventOverview overview, Map<String, Long> positionsByMethod) {
    Map<String, Long> byMethod = new TreeMap<>(positionsByMethod);
    var stats = overview.stats();
    return new StatsResponse(
        stats.waiting(),
        stats.joined(),
        stats.admitted(),
        stats.left(),
        stats.expired(),
        stats.liveAdmissions(),
        overview.admissionRateLastMinute(),
        overview.oldestWaitSec(),
        byMethod);
  }
}
