package io.queuegate.domain.model;

import java.util.Objects;

/**
 * How a store found a position, named by the store (an index, a fallback scan, ...). The label is
 * what metrics and operators see, so it is short lower-case text.
 */
public record PositionMethod(String label) {
  public PositionMethod {
    Objects.requireNonNull(label);
    if (!label.matches("[a-z][a-z0-9_]{0,31}")) {
      throw new IllegalArgumentException("a position method label is lower-case snake case");
    }
  }
}
