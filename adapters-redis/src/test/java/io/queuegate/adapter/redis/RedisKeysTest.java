package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisKeysTest {
  private final EventId event = new EventId("sale-2030.a_b");
  private final RedisKeys keys = new RedisKeys(event);
  private final WaiterId waiter = WaiterId.random();

  @Test
  void everyKeyOfAnEvent_carriesItsHashTagAndSharesOneSlot() {
    List<String> all =
        List.of(
            keys.legacy(),
            keys.position(),
            keys.waiter(waiter),
            keys.heartbeat(),
            keys.sequence(),
            keys.identities(),
            keys.tombstone(waiter),
            keys.limiter(),
            keys.live(),
            keys.admissions(),
            keys.used("adm-1"),
            keys.stats(),
            keys.policy());

    assertThat(all).allMatch(k -> k.contains("{sale-2030.a_b}")).doesNotHaveDuplicates();
    assertThat(all).extracting(SlotHash::getSlot).containsOnly(SlotHash.getSlot(keys.position()));
  }

  @Test
  void specifiedNames_areKeptForTheIndexAndTheLegacyZset() {
    assertThat(keys.position()).isEqualTo("queue:event:{sale-2030.a_b}:position");
    assertThat(keys.legacy()).isEqualTo("queue:event:{sale-2030.a_b}");
  }

  @Test
  void patterns_matchOnlyThisEventsKeys() {
    assertThat(keys.waiterPattern()).isEqualTo("queue:event:{sale-2030.a_b}:w:*");
    assertThat(keys.everything()).isEqualTo("*{sale-2030.a_b}*");
  }

  @Test
  void clientSuppliedKeys_areHexEncodedSoTheyCannotFormHashTagsOrGlobs() {
    assertThat(RedisKeys.idempotency("join:{x}*")).isEqualTo("queuegate:idem:6a6f696e3a7b787d2a");
    assertThat(RedisKeys.rate("ip:::1")).startsWith("queuegate:rate:").doesNotContain("::1");
  }
}
