package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.out.EventPolicies;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The version check behind {@link EventPolicies#update} on Redis: a write that lands between an
 * update's read and its write makes the update start again from that write, and a policy hash
 * written before versions existed is updated like any other.
 */
@ExtendWith(RedisExtension.class)
class RedisVersionedEventPoliciesIT {
  private static final QueuePolicy DEFAULTS = QueuePolicy.defaults();

  private EventPolicies policies;
  private RedisAdmin admin;
  private EventId event;

  @BeforeEach
  void setUp() {
    policies = SharedRedisStores.fresh(RedisSettings.Mode.STANDALONE).policies();
    admin = SharedRedisStores.admin(RedisSettings.Mode.STANDALONE);
    event = new EventId("ev-" + UUID.randomUUID());
  }

  @Test
  void writeBetweenAnUpdatesReadAndItsWrite_isKept_andTheChangeIsAppliedOnTopOfIt() {
    QueuePolicy paused = DEFAULTS.toBuilder().pausedJoins(true).pausedAdmission(true).build();
    AtomicInteger runs = new AtomicInteger();

    QueuePolicy stored =
        policies.update(
            event,
            DEFAULTS,
            p -> {
              if (runs.incrementAndGet() == 1) {
                policies.save(event, paused); // another operator, just after this read
              }
              return p.toBuilder().maxWaiting(7).build();
            });

    assertThat(runs).hasValue(2);
    assertThat(stored).isEqualTo(paused.toBuilder().maxWaiting(7).build());
    assertThat(policies.find(event)).contains(stored);
  }

  @Test
  void hashWrittenBeforeVersionsExisted_isUpdatedWithItsOtherFieldsKept() {
    policies.save(event, DEFAULTS.toBuilder().pausedJoins(true).build());
    String key = new RedisKeys(event).policy();
    admin.onOwner(key, node -> node.hdel(key, PolicyHash.VERSION_FIELD));

    QueuePolicy stored =
        policies.update(event, DEFAULTS, p -> p.toBuilder().readyWindow(5).build());

    assertThat(stored).isEqualTo(DEFAULTS.toBuilder().pausedJoins(true).readyWindow(5).build());
    assertThat(policies.find(event)).contains(stored);
    String version = admin.onOwner(key, node -> node.hget(key, PolicyHash.VERSION_FIELD));
    assertThat(version).isNotBlank();
  }

  @Test
  void deleteBetweenAnUpdatesReadAndItsWrite_makesTheChangeApplyToTheDefaults() {
    policies.save(event, DEFAULTS.toBuilder().readyWindow(3).build());
    AtomicInteger runs = new AtomicInteger();

    QueuePolicy stored =
        policies.update(
            event,
            DEFAULTS,
            p -> {
              if (runs.incrementAndGet() == 1) {
                policies.delete(event);
              }
              return p.toBuilder().maxActive(2).build();
            });

    assertThat(stored).isEqualTo(DEFAULTS.toBuilder().maxActive(2).build());
  }
}
