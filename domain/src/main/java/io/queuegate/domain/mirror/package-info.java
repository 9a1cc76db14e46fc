/**
 * The line mirror (docs/design.md#line-mirror): an in-memory copy of one event's line that answers
 * how many are still waiting ahead of a place in O(log N) at under a byte per waiter. A building
 * block only: status does not read it yet; the store's change feed and the wiring come next.
 */
package io.queuegate.domain.mirror;
