/**
 * What runs around every route, in this order: closing the connection after an answer that says so,
 * the trace id, request metrics, cross-origin access for the configured origins, and the rate limit
 * by client network with the client address it counts against; and the rate limit by waiting token,
 * which the waiter's routes call once they have read the token (see docs/design.md#rate-limit).
 */
package io.queuegate.adapter.http.filter;
