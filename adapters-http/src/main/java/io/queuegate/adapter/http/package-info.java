/**
 * The Helidon SE HTTP adapter: {@link io.queuegate.adapter.http.HttpAdapter} puts the routes,
 * filters and error handling of the HTTP contract (see docs/design.md#http-api) on a server, in
 * front of the use cases. Its subpackages hold one concern each: a resource's routes ({@code
 * queue}, {@code admission}, {@code admin}, {@code operations}, {@code page}), what runs around
 * them ({@code filter}), the error envelope ({@code envelope}) and the pieces routes are built from
 * ({@code routing}).
 */
package io.queuegate.adapter.http;
