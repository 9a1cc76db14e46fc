/** The public log route: {@code GET /api/v1/events/{event_id}/log} (docs/design.md#log). */
package io.queuegate.adapter.http.log;
