/**
 * The error envelope: every failure, from the domain, from this adapter or from Helidon itself,
 * answers {@code {"error": {"code", "message", "trace_id"}}}; the one exhaustive mapping of the
 * domain's failures; the request's trace id; and the JSON mapping every body is written with.
 */
package io.queuegate.adapter.http.envelope;
