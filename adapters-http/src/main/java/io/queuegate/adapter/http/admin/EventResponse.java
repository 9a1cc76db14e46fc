package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.EventOverview;
import java.util.Map;

/** Body of {@code GET /api/v1/admin/events/{event_id}}: policy and live stats. */
record EventResponse(
    String eventId, boolean configured, PolicyResponse policy, StatsResponse stats) {

  static EventResponse from(EventOverview overview, Map<String, Long> positionsByMethod) {
    return new EventResponse(
        overview.eventId().value(),
        overview.configured(),
        PolicyResponse.from(overview.policy()),
        StatsResponse.from(overview, positionsByMethod));
  }
}
