package io.queuegate.domain.port.out;

/** The six store ports of one fresh, empty store, as the store contracts test them together. */
public record StoreUnderTest(
    WaitingLine line,
    AdmissionLedger ledger,
    EventPolicies policies,
    IdempotencyStore idempotency,
    RateLimitBuckets rateLimits,
    StoreHealth health) {}
