package io.queuegate.domain.port.out;

import java.util.Objects;

/**
 * The seven store ports one store adapter provides over one shared state, the gate's ports over the
 * same state, and how to release that state (a connection, say) on shutdown. The store contracts
 * test the ports together.
 */
public record QueueStore(
    WaitingLine line,
    AdmissionLedger ledger,
    EventPolicies policies,
    IdempotencyStore idempotency,
    RateLimitBuckets rateLimits,
    StoreHealth health,
    GateStore gate,
    SpentChallenges spentChallenges,
    AutoCloseable closer)
    implements AutoCloseable {

  public QueueStore {
    Objects.requireNonNull(line);
    Objects.requireNonNull(ledger);
    Objects.requireNonNull(policies);
    Objects.requireNonNull(idempotency);
    Objects.requireNonNull(rateLimits);
    Objects.requireNonNull(health);
    Objects.requireNonNull(gate);
    Objects.requireNonNull(spentChallenges);
    Objects.requireNonNull(closer);
  }

  /** A store without spent challenges: proof of work cannot be checked against it. */
  public QueueStore(
      WaitingLine line,
      AdmissionLedger ledger,
      EventPolicies policies,
      IdempotencyStore idempotency,
      RateLimitBuckets rateLimits,
      StoreHealth health,
      GateStore gate,
      AutoCloseable closer) {
    this(
        line,
        ledger,
        policies,
        idempotency,
        rateLimits,
        health,
        gate,
        SpentChallenges.unsupported(),
        closer);
  }

  /** A store without the gate's ports: using them fails. */
  public QueueStore(
      WaitingLine line,
      AdmissionLedger ledger,
      EventPolicies policies,
      IdempotencyStore idempotency,
      RateLimitBuckets rateLimits,
      StoreHealth health,
      AutoCloseable closer) {
    this(line, ledger, policies, idempotency, rateLimits, health, GateStore.unsupported(), closer);
  }

  /** A store that holds nothing to release. */
  public QueueStore(
      WaitingLine line,
      AdmissionLedger ledger,
      EventPolicies policies,
      IdempotencyStore idempotency,
      RateLimitBuckets rateLimits,
      StoreHealth health) {
    this(
        line, ledger, policies, idempotency, rateLimits, health, GateStore.unsupported(), () -> {});
  }

  /** Releases what the store holds; a failure to release is reported, never swallowed. */
  @Override
  public void close() {
    try {
      closer.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the store", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not close the store", e);
    }
  }
}
