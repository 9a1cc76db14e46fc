package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomTest {
  private static Room.Builder room(String... prefixes) {
    return Room.builder(new RoomId("shop"), HostPattern.parse("shop.example"), new EventId("sale"))
        .pathPrefixes(
            List.of(prefixes).stream()
                .map(p -> PathPattern.prefix(p, RoomField.PATH_PREFIXES))
                .toList());
  }

  @Test
  void coverage_isTheLongestCoveringPrefix() {
    Room room = room("/", "/checkout", "/checkout/pay").build();

    assertThat(room.coverage(RequestPath.of("/checkout/pay/now"))).isEqualTo(13);
    assertThat(room.coverage(RequestPath.of("/about"))).isEqualTo(1);
    assertThat(room("/checkout").build().coverage(RequestPath.of("/about"))).isEqualTo(-1);
  }

  @Test
  void bypass_comparesCase_whileCompletionDoesNot() {
    Room room =
        room("/checkout")
            .bypass(List.of(PathPattern.bypass("/checkout/static")))
            .completionPaths(
                List.of(PathPattern.prefix("/checkout/done", RoomField.COMPLETION_PATHS)))
            .build();

    assertThat(room.bypasses(RequestPath.of("/checkout/static/app.js"))).isTrue();
    assertThat(room.bypasses(RequestPath.of("/checkout/STATIC/app.js"))).isFalse();
    assertThat(room.completes(RequestPath.of("/Checkout/Done?order=1"))).isTrue();
  }

  @Test
  void defaults_queueAndShowTheWaitingPageOnOutage() {
    Room room = room("/checkout").build();

    assertThat(room.mode()).isEqualTo(RoomMode.QUEUE);
    assertThat(room.storeOutage()).isEqualTo(OutagePolicy.WAITING_PAGE);
    assertThat(room.cookieName()).isEqualTo("qg_shop");
  }

  @Test
  void idleTimeoutLongerThanTheCap_isRefused() {
    assertThatThrownBy(
            () ->
                room("/checkout")
                    .idleTimeout(Duration.ofMinutes(20))
                    .hardCap(Duration.ofMinutes(10))
                    .build())
        .isInstanceOfSatisfying(
            InvalidRoom.class, e -> assertThat(e.field()).isEqualTo(RoomField.IDLE_TIMEOUT));
  }

  @Test
  void roomWithoutPrefixes_isRefused() {
    assertThatThrownBy(() -> room().build())
        .isInstanceOfSatisfying(
            InvalidRoom.class, e -> assertThat(e.field()).isEqualTo(RoomField.PATH_PREFIXES));
  }
}
