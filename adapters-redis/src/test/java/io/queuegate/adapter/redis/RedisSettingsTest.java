package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

  @Test
  void defaults_areTheSpecifications() {
    RedisSettings settings = RedisSettings.standalone("localhost:6379");

    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.readFrom()).isEqualTo(RedisSettings.ReadFrom.UPSTREAM);
    assertThat(settings.legacyZset()).isTrue();
    assertThat(settings.joinDurability()).isEqualTo(RedisSettings.JoinDurability.NONE);
  }

  @Test
  void toString_neverShowsThePassword_evenInsideAUri() {
    RedisSettings settings =
        RedisSettings.standalone("redis://:uri-secret@host:6379").toBuilder()
            .password("field-secret")
            .build();

    assertThat(settings.toString()).doesNotContain("uri-secret").doesNotContain("field-secret");
  }

  @Test
  void standaloneWithTwoNodes_isRejected() {
    assertThatThrownBy(
            () ->
                RedisSettings.builder()
                    .mode(RedisSettings.Mode.STANDALONE)
                    .nodes(List.of("a:1", "b:2"))
                    .scanMaxKeys(10)
                    .scanBudget(Duration.ofMillis(10))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void legacyTierWithoutTheLegacyZset_isRejected() {
    RedisSettings legacyOff =
        RedisSettings.standalone("localhost:6379").toBuilder().legacyZset(false).build();

    assertThat(RedisSettings.standalone("localhost:6379").positionTier())
        .isEqualTo(RedisSettings.PositionTier.INDEX);
    assertThatThrownBy(
            () -> legacyOff.toBuilder().positionTier(RedisSettings.PositionTier.LEGACY).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
