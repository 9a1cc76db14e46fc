package io.queuegate.domain.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a status answer's position came from, for operators and tests (docs/design.md#line-mirror):
 * the instance's line mirror as of a feed version, or the store by the method it used.
 */
public record PositionSource(PositionMethod method, OptionalLong feedVersion) {
  public PositionSource {
    Objects.requireNonNull(method);
    Objects.requireNonNull(feedVersion);
    if (feedVersion.isPresent() && feedVersion.getAsLong() < 0) {
      throw new IllegalArgumentException("a feed version is not negative");
    }
  }

  /** The store placed the waiter, with {@code method}. */
  public static PositionSource store(PositionMethod method) {
    return new PositionSource(method, OptionalLong.empty());
  }

  /** The mirror placed the waiter, exact as of the feed's {@code version}. */
  public static PositionSource mirror(PositionMethod method, long version) {
    return new PositionSource(method, OptionalLong.of(version));
  }

  /** As an HTTP header tells it: {@code mirror; version=123}, or the store's method label. */
  public String text() {
    return feedVersion.isPresent()
        ? method.label() + "; version=" + feedVersion.getAsLong()
        : method.label();
  }
}
