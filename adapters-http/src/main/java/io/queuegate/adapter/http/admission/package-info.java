/**
 * What booking backends call: admission-token verification and the published key set (see
 * docs/design.md#admission-tokens).
 */
package io.queuegate.adapter.http.admission;
