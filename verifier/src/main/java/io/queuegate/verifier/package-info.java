/**
 * The buyer's verifier (docs/fairness.md#log): fetches an event's public log, the seed commitment
 * and the signing keys from a queuegate service (or reads a saved log), checks a join receipt's
 * signature, and runs the checks of {@link io.queuegate.domain.log.LogVerifier}.
 */
package io.queuegate.verifier;
