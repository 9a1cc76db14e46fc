package io.queuegate.domain.model;

/**
 * Why a join's proof of work was refused: a small fixed set, so it can label a metric
 * (docs/design.md#bots).
 */
public enum ProofOfWorkRefusal {
  /** No solution came with a join to an event that requires one. */
  MISSING("missing"),
  /** Another algorithm, a negative number, or a salt without its parameters. */
  MALFORMED("malformed"),
  /** The signature is not ours: forged, or signed with another instance's secret. */
  SIGNATURE("signature"),
  /** The number does not hash to the challenge. */
  WRONG_NUMBER("wrong_number"),
  /** The challenge's expiry has passed. */
  EXPIRED("expired"),
  /** The challenge was issued for another event. */
  OTHER_EVENT("other_event"),
  /** The challenge has already bought a join. */
  SPENT("spent");

  private final String label;

  ProofOfWorkRefusal(String label) {
    this.label = label;
  }

  /** The metric label: lower case, stable. */
  public String label() {
    return label;
  }
}
