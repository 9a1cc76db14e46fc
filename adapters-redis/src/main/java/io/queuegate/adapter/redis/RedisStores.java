package io.queuegate.adapter.redis;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.EventPolicies;
import io.queuegate.domain.port.out.IdempotencyStore;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.RateLimitBuckets;
import io.queuegate.domain.port.out.StoreHealth;
import io.queuegate.domain.port.out.WaitingLine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Redis stores of one process over one shared connection: build with {@link #connect}, close on
 * shutdown (the connection first, then the client).
 */
public final class RedisStores implements AutoCloseable {
  private final ClientResources resources;
  private final RedisLink link;
  private final RedisWaitingLine waitingLine;
  private final RedisAdmissionLedger admissionLedger;
  private final RedisEventPolicies eventPolicies;
  private final RedisIdempotencyStore idempotencyStore;
  private final RedisRateLimitBuckets rateLimitBuckets;
  private final RedisStoreHealth storeHealth;

  private RedisStores(
      ClientResources resources, RedisLink link, RedisSettings settings, QueueMetrics metrics) {
    this.resources = resources;
    this.link = link;
    RedisCalls calls = new RedisCalls(settings.commandTimeout());
    ScriptRunner scripts = new ScriptRunner(link, calls, metrics);
    ScanFallback fallback = new ScanFallback(link, calls, scripts, settings);
    this.waitingLine =
        new RedisWaitingLine(
            link, calls, scripts, fallback, new ActiveEventIndex(link, calls, scripts), settings);
    this.admissionLedger = new RedisAdmissionLedger(scripts, fallback, settings);
    this.eventPolicies = new RedisEventPolicies(link, calls);
    this.idempotencyStore = new RedisIdempotencyStore(scripts);
    this.rateLimitBuckets = new RedisRateLimitBuckets(scripts);
    this.storeHealth = new RedisStoreHealth(link);
  }

  /**
   * Connects in the configured mode and checks the server answers.
   *
   * @throws io.queuegate.domain.model.StoreUnavailableException when Redis cannot be reached
   */
  public static RedisStores connect(RedisSettings settings, QueueMetrics metrics) {
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
      return new RedisStores(resources, link, settings, metrics);
    } catch (RuntimeException e) {
      resources.shutdown();
      throw e;
    }
  }

  public WaitingLine waitingLine() {
    return waitingLine;
  }

  public AdmissionLedger admissionLedger() {
    return admissionLedger;
  }

  public EventPolicies eventPolicies() {
    return eventPolicies;
  }

  public IdempotencyStore idempotencyStore() {
    return idempotencyStore;
  }

  public RateLimitBuckets rateLimitBuckets() {
    return rateLimitBuckets;
  }

  public StoreHealth storeHealth() {
    return storeHealth;
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
