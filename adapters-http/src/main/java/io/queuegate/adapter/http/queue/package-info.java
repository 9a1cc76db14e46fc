/**
 * The waiter's API: join, status, enter and leave, and the status event stream (see
 * docs/design.md#queue-endpoints).
 */
package io.queuegate.adapter.http.queue;
