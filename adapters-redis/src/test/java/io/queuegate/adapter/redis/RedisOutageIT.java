package io.queuegate.adapter.redis;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.StoreUnavailableException;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A standalone server that dies and comes back: fast failures, then recovery without restart. */
@ExtendWith(RedisExtension.class)
class RedisOutageIT {
  private RedisServer server;
  private RedisStores stores;

  @BeforeEach
  void ownServer() {
    server = new RedisServer(RedisServer.freePort(), RedisServers.tempDir("outage"), List.of());
    server.start();
    stores = RedisStores.connect(RedisSettings.standalone(server.address()), CommandTimer.NONE);
  }

  @AfterEach
  void stopAll() {
    stores.close();
    server.stop();
  }

  @Test
  void serverDown_failsFastWithStoreUnavailable_andRecoversWhenItIsBack() {
    EventId event = newEventId();
    WaiterId id = stores.store().line().join(anonymous(event), 0, at(0)).standing().waiter().id();

    server.stop();
    long started = System.nanoTime();
    assertThatThrownBy(() -> stores.store().line().locate(event, id, at(1)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(stores.store().health().answers(Duration.ofMillis(200))).isFalse();
    assertThatThrownBy(() -> stores.store().feed().head(event))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> stores.store().feed().page(event, 0, 10))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> stores.store().feed().read(event, 0, 10))
        .isInstanceOf(StoreUnavailableException.class);

    server.start(); // same port, empty data and an empty script cache
    Await.until(
        Duration.ofSeconds(10),
        "the store to recover",
        () -> stores.store().line().join(anonymous(event), 0, at(2)).standing().position() == 1);
    assertThat(stores.store().health().answers(Duration.ofSeconds(1))).isTrue();
  }
}
