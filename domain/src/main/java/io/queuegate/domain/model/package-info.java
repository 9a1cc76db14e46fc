/**
 * Values of the waiting room (events, waiters, policies, admissions) and the one sealed family of
 * expected failures, {@link io.queuegate.domain.model.QueueException}.
 */
package io.queuegate.domain.model;
