/**
 * The Helidon SE HTTP adapter: the routes of the product specification's HTTP contract, the error
 * envelope, idempotency, per-client rate limiting and HTTP metrics, in front of the use cases.
 */
package io.queuegate.adapter.http;
