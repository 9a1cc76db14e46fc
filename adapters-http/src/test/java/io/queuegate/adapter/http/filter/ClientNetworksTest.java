package io.queuegate.adapter.http.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientNetworksTest {
  private final ClientNetworks networks = new ClientNetworks(ClientSettings.behind(List.of()));

  @Test
  void ipv4Prefix_isTheSlash24() throws Exception {
    assertThat(networks.prefixOf(InetAddress.getByName("203.0.113.77")))
        .isEqualTo("203.0.113.0/24");
    assertThat(networks.prefixOf(InetAddress.getByName("203.0.113.200")))
        .isEqualTo(networks.prefixOf(InetAddress.getByName("203.0.113.1")));
  }

  @Test
  void ipv6Prefix_isTheConfiguredNetwork() throws Exception {
    assertThat(networks.prefixOf(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
        .isEqualTo(networks.networkOf(InetAddress.getByName("2001:db8:1:2::9")))
        .endsWith("/64");
  }
}
