package io.queuegate.adapter.redis;

import io.queuegate.domain.port.out.StoreHealth;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Readiness: a PING answered within the given time. */
final class RedisStoreHealth implements StoreHealth {
  private final RedisLink link;

  RedisStoreHealth(RedisLink link) {
    this.link = link;
  }

  @Override
  public boolean answers(Duration within) {
    try {
      String pong =
          link.commands()
              .ping()
              .toCompletableFuture()
              .get(within.toMillis(), TimeUnit.MILLISECONDS);
      return "PONG".equals(pong);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
