/**
 * What runs around every route, in this order: closing the connection after an answer that says so,
 * the trace id, request metrics, cross-origin access for the configured origins, and the per-client
 * rate limit with the client address it counts against (see docs/design.md#rate-limit).
 */
package io.queuegate.adapter.http.filter;
