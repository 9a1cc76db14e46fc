package io.queuegate.adapter.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the scripts by EVALSHA (EVALSHA_RO for reads); on NOSCRIPT it loads the script and retries
 * once. Reports each script's latency to the {@link CommandTimer}.
 */
final class ScriptRunner {
  private final RedisLink link;
  private final RedisCalls calls;
  private final CommandTimer timer;

  ScriptRunner(RedisLink link, RedisCalls calls, CommandTimer timer) {
    this.link = link;
    this.calls = calls;
    this.timer = timer;
  }

  /** Runs a script that writes, on the primary of its keys' slot, and waits for the reply. */
  List<Object> run(Script script, List<String> keys, List<String> args) {
    return calls.await(start(script, false, link.commands(), keys, args));
  }

  /** Runs a read-only script by EVALSHA_RO, which lettuce may route to a replica. */
  List<Object> read(Script script, List<String> keys, List<String> args) {
    return calls.await(start(script, true, link.commands(), keys, args));
  }

  /** Sends a script without waiting, so callers can pipeline other commands in the same flush. */
  CompletableFuture<List<Object>> start(
      Script script,
      boolean readOnly,
      RedisClusterAsyncCommands<String, String> commands,
      List<String> keys,
      List<String> args) {
    long started = System.nanoTime();
    String[] keyArray = keys.toArray(String[]::new);
    String[] argArray = args.toArray(String[]::new);
    CompletableFuture<List<Object>> reply =
        send(script, readOnly, commands, keyArray, argArray)
            .exceptionallyCompose(
                e -> {
                  if (!(unwrap(e) instanceof RedisNoScriptException)) {
                    return CompletableFuture.failedFuture(e);
                  }
                  // A restarted or newly promoted node has an empty script cache.
                  return link.loadScript(script.body())
                      .toCompletableFuture()
                      .thenCompose(sha -> send(script, readOnly, commands, keyArray, argArray));
                });
    return reply.whenComplete(
        (value, error) ->
            timer.record(script.label(), Duration.ofNanos(System.nanoTime() - started)));
  }

  private static CompletableFuture<List<Object>> send(
      Script script,
      boolean readOnly,
      RedisClusterAsyncCommands<String, String> commands,
      String[] keys,
      String[] args) {
    return readOnly
        ? commands
            .<List<Object>>evalshaReadOnly(script.sha(), ScriptOutputType.MULTI, keys, args)
            .toCompletableFuture()
        : commands
            .<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args)
            .toCompletableFuture();
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
