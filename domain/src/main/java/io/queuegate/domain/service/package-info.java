/**
 * The use-case implementations and the queue rules they share: ETA, polling hint, heartbeat
 * coalescing, the reaper and the policy cache.
 */
package io.queuegate.domain.service;
