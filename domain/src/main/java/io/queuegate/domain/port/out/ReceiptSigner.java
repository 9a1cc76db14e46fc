package io.queuegate.domain.port.out;

import io.queuegate.domain.log.ReceiptClaim;

/**
 * Signs join receipts (docs/fairness.md#receipt): a compact JWS of the claim, checkable by anyone
 * with the service's published keys. It holds no waiting token and nothing about the person.
 */
public interface ReceiptSigner {

  /** The receipt for {@code claim}. */
  String sign(ReceiptClaim claim);
}
