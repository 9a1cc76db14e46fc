package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redis stops mid-run and comes back: clients get a fast 503 with Retry-After (never a hang or a
 * 500), readiness follows, liveness does not, and the service recovers without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageIT {
  private RedisServer redis;
  private ServiceHarness service;

  @BeforeAll
  void start() {
    redis = new RedisServer(RedisServer.freePort(), RedisServers.tempDir("outage"), List.of());
    redis.start();
    service = ServiceHarness.start(RedisEnv.standalone(redis.address()));
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  void redisStopsAndReturns_clientsGet503ThenServiceRecoversByItself() {
    Api api = service.api;
    String token = api.join("outage-event").body().path("waiting_token").asText();
    assertThat(api.status(token).status()).isEqualTo(200);

    redis.stop();

    Instant before = Instant.now();
    Reply down = api.status(token);
    Duration took = Duration.between(before, Instant.now());
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(down.raw().headers().firstValue("Retry-After")).isPresent();
    // Fails fast: bounded by the command timeout (500 ms), far from a hang.
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(api.join("outage-event").status()).isEqualTo(503);
    assertThat(api.get("/readyz").status()).isEqualTo(503);
    assertThat(api.get("/healthz").status()).isEqualTo(200);

    redis.start();

    // The data died with the process (no persistence in tests); a fresh join proves recovery.
    Reply joined = awaitStatus(() -> api.join("outage-event"), 202, Duration.ofSeconds(20));
    assertThat(joined.body().path("position_hint").asLong()).isEqualTo(1);
    awaitStatus(() -> api.get("/readyz"), 200, Duration.ofSeconds(20));
  }

  private static Reply awaitStatus(Supplier<Reply> call, int status, Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    Reply last = call.get();
    while (last.status() != status && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
      last = call.get();
    }
    assertThat(last.status()).as("status within %s", limit).isEqualTo(status);
    return last;
  }
}
