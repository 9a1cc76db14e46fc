package io.queuegate.domain.port.out;

import java.util.Objects;

/**
 * The seven store ports one store adapter provides over one shared state, the gate's ports over the
 * same state, the pre-queue's, the public log's, the line's change feed, and how to release that
 * state (a connection, say) on shutdown. The store contracts test the ports together.
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
    PreQueue preQueue,
    AdmissionLog log,
    LineFeed feed,
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
    Objects.requireNonNull(preQueue);
    Objects.requireNonNull(log);
    Objects.requireNonNull(feed);
    Objects.requireNonNull(closer);
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
