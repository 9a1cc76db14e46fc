package io.queuegate.adapter.redis;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.queuegate.domain.port.out.GateStore;
import io.queuegate.domain.port.out.QueueStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Redis stores of one process over one shared connection: build with {@link #connect}, close on
 * shutdown (the connection first, then the client).
 */
public final class RedisStores implements AutoCloseable {
  private final ClientResources resources;
  private final RedisLink link;
  private final QueueStore store;

  private RedisStores(
      ClientResources resources,
      RedisLink link,
      RedisSettings settings,
      CommandTimer timer,
      Housekeeping housekeeping) {
    this.resources = resources;
    this.link = link;
    RedisCalls calls = new RedisCalls(settings.commandTimeout());
    ScriptRunner scripts = new ScriptRunner(link, calls, timer);
    ScanFallback fallback = new ScanFallback(link, calls, scripts, settings);
    this.store =
        new QueueStore(
            new RedisWaitingLine(
                link,
                calls,
                scripts,
                fallback,
                new ActiveEventIndex(link, calls, scripts),
                settings,
                housekeeping),
            new RedisAdmissionLedger(scripts, fallback, settings, housekeeping),
            new RedisEventPolicies(link, calls, scripts, housekeeping),
            new RedisIdempotencyStore(scripts),
            new RedisRateLimitBuckets(scripts),
            new RedisStoreHealth(link),
            new GateStore(
                new RedisRooms(link, calls),
                new RedisGateSessions(link, calls, scripts, settings, housekeeping)),
            new RedisSpentChallenges(link, calls),
            new RedisPreQueue(link, calls, scripts, settings),
            new RedisAdmissionLog(link, calls),
            new RedisLineFeed(link, calls, scripts),
            this);
  }

  /**
   * Connects in the configured mode and checks the server answers.
   *
   * @throws io.queuegate.domain.model.StoreUnavailableException when Redis cannot be reached
   */
  public static RedisStores connect(RedisSettings settings, CommandTimer timer) {
    return connect(settings, timer, Housekeeping.DEFAULTS);
  }

  /** As {@link #connect(RedisSettings, CommandTimer)}, with other housekeeping (tests). */
  static RedisStores connect(
      RedisSettings settings, CommandTimer timer, Housekeeping housekeeping) {
    // Reconnect attempts back off only up to 1 s, so the service resumes soon after an outage.
    ClientResources resources =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            // queue_store_command_seconds times every script already; lettuce's own recorder
            // would add a histogram update per command on the event loop.
            .commandLatencyRecorder(CommandLatencyRecorder.disabled())
            .build();
    try {
      RedisLink link =
          settings.mode() == RedisSettings.Mode.CLUSTER
              ? new ClusterLink(settings, resources)
              : new StandaloneLink(settings, resources);
      return new RedisStores(resources, link, settings, timer, housekeeping);
    } catch (RuntimeException e) {
      resources.shutdown();
      throw e;
    }
  }

  /** The six store ports and the gate's over this connection; closing it closes this. */
  public QueueStore store() {
    return store;
  }

  /** The mode and, in cluster mode, the shards and their replicas; never the password. */
  public String describeTopology() {
    return link.describeTopology();
  }

  @Override
  public void close() {
    link.close();
    resources.shutdown();
  }
}
