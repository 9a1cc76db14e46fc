package io.queuegate.adapter.redis;

import io.queuegate.domain.model.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The adapter boundary for failures: every lettuce failure (timeout, refused or dropped connection,
 * RedisException, ExecutionException) becomes the domain's {@link StoreUnavailableException}.
 */
final class RedisCalls {
  private final Duration limit;

  /** {@code commandTimeout} bounds one command; a call may chain a NOSCRIPT reload and a retry. */
  RedisCalls(Duration commandTimeout) {
    this.limit = commandTimeout.multipliedBy(3).plusMillis(100);
  }

  <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | CompletionException | TimeoutException e) {
      throw unavailable(e);
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  /**
   * Waits for a future that lettuce's command timeout already bounds, without a timed park: on a
   * virtual thread each timed park schedules and cancels a wake-up task, a thread hand-off per call
   * that took about a tenth of the service's CPU under status load.
   */
  <T> T join(CompletableFuture<T> bounded) {
    try {
      return bounded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  /** Runs a blocking lettuce call (such as opening a node connection) at the boundary. */
  static <T> T guard(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  static StoreUnavailableException unavailable(Throwable e) {
    Throwable cause =
        e instanceof ExecutionException || e instanceof CompletionException
            ? (e.getCause() == null ? e : e.getCause())
            : e;
    if (cause instanceof StoreUnavailableException s) {
      return s;
    }
    return new StoreUnavailableException(
        "Redis did not answer: " + cause.getClass().getSimpleName(), cause);
  }
}
