package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisUrisTest {

  @Test
  void commandTimeoutBelowTwoSeconds_handshakeStillGetsTwoSeconds() {
    RedisSettings tight =
        RedisSettings.standalone("localhost:6379").toBuilder()
            .commandTimeout(Duration.ofMillis(50))
            .build();

    assertThat(RedisUris.of("localhost:6379", tight).getTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void commandTimeoutAboveTwoSeconds_isTheHandshakeTimeoutToo() {
    RedisSettings patient =
        RedisSettings.standalone("localhost:6379").toBuilder()
            .commandTimeout(Duration.ofSeconds(5))
            .build();

    assertThat(RedisUris.of("redis://localhost:6379", patient).getTimeout())
        .isEqualTo(Duration.ofSeconds(5));
  }
}
