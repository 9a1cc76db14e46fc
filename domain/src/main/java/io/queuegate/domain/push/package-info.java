/**
 * Event streams that wait on the line rather than on a timer (docs/design.md#push): the {@link
 * io.queuegate.domain.push.DepartureBoard} hears each mirrored event's departures and wakes only
 * the streams whose waiter may have become ready. Kept apart from {@code domain.mirror}, which
 * stays a pure building block over sequence numbers, because it knows events and threads.
 */
package io.queuegate.domain.push;
