package io.queuegate.adapter.http.filter;

import io.queuegate.domain.model.RateLimitRequest;
import io.queuegate.domain.model.RateLimitRule;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.port.in.RateLimitUseCase;
import java.util.function.Supplier;

/**
 * A waiter's request that {@link TokenRateLimit} let through, and the client network it came from.
 * When its token turns out to name no waiter, that counts against the network's unknown-token
 * limit, which keeps made-up tokens (each with a fresh bucket) from getting around the limits.
 */
public final class CountedToken {
  private final RateLimitUseCase rateLimit;
  private final String client;
  private final boolean wellFormed;

  CountedToken(RateLimitUseCase rateLimit, String client, boolean wellFormed) {
    this.rateLimit = rateLimit;
    this.client = client;
    this.wellFormed = wellFormed;
  }

  /** The client network, as the rate limit keys it. */
  public String client() {
    return client;
  }

  /** Runs {@code call}; a token it finds no waiter for is counted as unknown. */
  public <T> T watching(Supplier<T> call) {
    try {
      return call.get();
    } catch (WaiterNotFound | WaiterExpired e) {
      namedNoWaiter();
      throw e;
    }
  }

  /** Counts the token as unknown (a malformed one was counted so already, up front). */
  public void namedNoWaiter() {
    if (wellFormed) {
      // The answer stays the handler's: this only charges the network, and maybe blocks it.
      rateLimit.acquire(
          RateLimitRequest.byClient(RateLimitRule.UNKNOWN_TOKEN, client, RateLimitScope.INSTANCE));
    }
  }
}
