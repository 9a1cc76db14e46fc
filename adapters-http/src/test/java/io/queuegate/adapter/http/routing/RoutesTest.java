package io.queuegate.adapter.http.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {
  @Test
  void pathsMapToTheirTemplate() {
    Routes routes = new Routes(true);

    assertThat(routes.templateOf("/api/v1/queue/status")).isEqualTo(Routes.STATUS);
    assertThat(routes.templateOf("/api/v1/admin/events/e1/pause")).isEqualTo(Routes.ADMIN_PAUSE);
    assertThat(routes.templateOf("/api/v1/admin/events/e1")).isEqualTo(Routes.ADMIN_EVENT);
  }

  @Test
  void unknownPathsAndDisabledAdmin_areUnmatched() {
    assertThat(new Routes(true).templateOf("/api/v1/admin/events/")).isEqualTo(Routes.UNMATCHED);
    assertThat(new Routes(true).templateOf("/x/y")).isEqualTo(Routes.UNMATCHED);
    assertThat(new Routes(false).templateOf("/api/v1/admin/events/e1")).isEqualTo(Routes.UNMATCHED);
  }
}
