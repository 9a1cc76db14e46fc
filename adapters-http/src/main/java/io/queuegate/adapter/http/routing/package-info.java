/**
 * What every resource's routes are built from: the route templates, handlers that return a {@link
 * io.queuegate.adapter.http.routing.Reply}, request reading within the body limit, the 405 answer,
 * and idempotent routes (see docs/design.md#idempotency).
 */
package io.queuegate.adapter.http.routing;
