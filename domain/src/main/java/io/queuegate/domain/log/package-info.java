/**
 * An event's public log (docs/design.md#log): its records and their canonical text, the hash chain
 * over them, and the checks a verifier runs on a whole log (the chain, the shuffle, the windowed
 * first-in-first-out rule, a receipt's place). Pure rules: the stores append the records, the
 * service serves them chained, and the verifier command runs the checks.
 */
package io.queuegate.domain.log;
