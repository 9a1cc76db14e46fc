/**
 * The line mirror (docs/design.md#line-mirror): an in-memory copy of a busy event's line, built
 * from the store's change feed and followed by one thread per event, that answers how many are
 * still waiting ahead of a first-come place in O(log N) at under a byte per waiter, so that status
 * needs no store round trip.
 */
package io.queuegate.domain.mirror;
