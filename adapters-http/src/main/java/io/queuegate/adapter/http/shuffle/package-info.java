/**
 * The public view of a scheduled sale's opening shuffle, {@code GET
 * /api/v1/events/{event_id}/shuffle}: the commitment before the opening, the seed and the key after
 * it (see docs/fairness.md).
 */
package io.queuegate.adapter.http.shuffle;
