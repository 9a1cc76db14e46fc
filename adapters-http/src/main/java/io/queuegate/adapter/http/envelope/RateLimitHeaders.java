package io.queuegate.adapter.http.envelope;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;
import io.queuegate.domain.model.RateDecision;

/**
 * Sets the {@code X-RateLimit-*} headers of a request the limit let through, the same values as
 * {@link QueueErrorMapper#rateLimitHeaders} gives a refusal. Every counted request carries them, so
 * the small numbers they mostly hold (a burst of tens, a reset of a second or two) are encoded
 * once.
 */
public final class RateLimitHeaders {
  static final HeaderName LIMIT = HeaderNames.create("X-RateLimit-Limit");
  static final HeaderName REMAINING = HeaderNames.create("X-RateLimit-Remaining");
  static final HeaderName RESET = HeaderNames.create("X-RateLimit-Reset");
  private static final int CACHED = 128;
  private static final Header[] LIMITS = cached(LIMIT);
  private static final Header[] REMAININGS = cached(REMAINING);
  private static final Header[] RESETS = cached(RESET);

  private RateLimitHeaders() {}

  /** Sets the three headers of {@code decision} on {@code res}. */
  public static void set(ServerResponse res, RateDecision decision) {
    res.header(header(LIMITS, LIMIT, decision.limit()));
    res.header(header(REMAININGS, REMAINING, Math.max(0, decision.remaining())));
    res.header(header(RESETS, RESET, QueueErrorMapper.ceilSeconds(decision.resetAfter(), 0)));
  }

  private static Header header(Header[] cached, HeaderName name, long value) {
    return value >= 0 && value < CACHED
        ? cached[(int) value]
        : HeaderValues.create(name, Long.toString(value));
  }

  private static Header[] cached(HeaderName name) {
    Header[] headers = new Header[CACHED];
    for (int i = 0; i < CACHED; i++) {
      headers[i] = HeaderValues.createCached(name, Integer.toString(i));
    }
    return headers;
  }
}
