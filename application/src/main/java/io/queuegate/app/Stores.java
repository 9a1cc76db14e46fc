package io.queuegate.app;

import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.IdempotencyStore;
import io.queuegate.domain.port.out.RateLimitBuckets;
import io.queuegate.domain.port.out.StoreHealth;
import io.queuegate.domain.port.out.WaitingLine;

/** The store ports the service runs on, from whichever adapter was chosen, and how to close it. */
public record Stores(
    WaitingLine line,
    AdmissionLedger ledger,
    EventPolicies policies,
    IdempotencyStore idempotency,
    RateLimitBuckets rateLimits,
    StoreHealth health,
    AutoCloseable closer) {}
