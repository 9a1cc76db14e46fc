/**
 * What monitors and orchestrators read: liveness, readiness, version, metrics and the OpenAPI
 * document (see docs/design.md#operations).
 */
package io.queuegate.adapter.http.operations;
