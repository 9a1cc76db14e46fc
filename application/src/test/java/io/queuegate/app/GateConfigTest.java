package io.queuegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomMode;
import io.queuegate.domain.service.gate.GateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateConfigTest {

  @Test
  void noEnvironment_givesTheGatesDefaults() {
    GateConfig gate = AppSettings.load(Map.of()).gate();

    assertThat(gate.publicPath()).isEqualTo("/queuegate/");
    assertThat(gate.secureCookies()).isTrue();
    assertThat(gate.sessionSecret()).isEmpty();
    assertThat(gate.rules()).isEqualTo(GateSettings.defaults());
    assertThat(gate.seeds()).isEmpty();
  }

  @Test
  void roomsFile_seedsItsRoomsWithDefaultsForWhatItLeavesOut(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rooms.yaml");
    Files.writeString(
        file,
        """
        rooms:
          - id: shop
            host: Shop.example.com
            path-prefixes: [/checkout, /cart]
            bypass: ["*.css", /checkout/static]
            event-id: sale
            mode: queue_all
            store-outage: let_through
            idle-timeout: PT2M
            hard-cap: PT30M
            completion-paths: [/checkout/done]
          - id: tickets
            host: tickets.example.com
            path-prefixes: [/]
            event-id: tour
        """);

    GateConfig gate =
        AppSettings.load(
                Map.of(
                    "QUEUEGATE_GATE_ROOMS_FILE", file.toString(),
                    "QUEUEGATE_GATE_SECURE_COOKIES", "false",
                    "QUEUEGATE_GATE_SESSION_SECRET", "s".repeat(40)))
            .gate();

    assertThat(gate.secureCookies()).isFalse();
    assertThat(gate.sessionSecret()).contains("s".repeat(40));
    assertThat(gate.toString()).doesNotContain("ssss");
    assertThat(gate.seeds()).hasSize(2);
    Room shop = gate.seeds().get(0);
    assertThat(shop.host().value()).isEqualTo("shop.example.com");
    assertThat(shop.pathPrefixes())
        .extracting(PathPattern::value)
        .containsExactly("/checkout", "/cart");
    assertThat(shop.bypass())
        .extracting(PathPattern::value)
        .containsExactly("*.css", "/checkout/static");
    assertThat(shop.mode()).isEqualTo(RoomMode.QUEUE_ALL);
    assertThat(shop.storeOutage()).isEqualTo(OutagePolicy.LET_THROUGH);
    assertThat(shop.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(shop.hardCap()).isEqualTo(Duration.ofMinutes(30));
    Room tickets = gate.seeds().get(1);
    assertThat(tickets.mode()).isEqualTo(RoomMode.QUEUE);
    assertThat(tickets.idleTimeout()).isEqualTo(Room.DEFAULT_IDLE_TIMEOUT);
  }

  @Test
  void roomsFileWithABadRoom_stopsTheStart_namingTheRoom(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rooms.yaml");
    Files.writeString(
        file,
        """
        rooms:
          - id: shop
            host: shop.example.com
            path-prefixes: [checkout]
            event-id: sale
        """);

    assertThatThrownBy(() -> AppSettings.load(Map.of("QUEUEGATE_GATE_ROOMS_FILE", file.toString())))
        .hasMessageContaining("room 'shop'")
        .hasMessageContaining("path_prefixes");
    assertThatThrownBy(
            () ->
                AppSettings.load(
                    Map.of("QUEUEGATE_GATE_ROOMS_FILE", dir.resolve("nope").toString())))
        .hasMessageContaining("cannot be read");
  }
}
