package io.queuegate.adapter.http.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress address =
      new ClientAddress(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.1"));

  @Test
  void untrustedPeer_isTheClientAndForwardedForIsIgnored() {
    assertThat(address.clientKey("198.51.100.4", List.of("1.2.3.4"))).isEqualTo("198.51.100.4");
  }

  @Test
  void untrustedPeerAddress_neverReadsForwardedFor() throws Exception {
    InetAddress peer = InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, 4});

    String key =
        address.clientKey(
            peer,
            () -> {
              throw new AssertionError("X-Forwarded-For read for an untrusted peer");
            });

    assertThat(key).isEqualTo("198.51.100.4");
  }

  @Test
  void trustedPeerAddress_readsForwardedFor() throws Exception {
    InetAddress proxy = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});

    assertThat(address.clientKey(proxy, () -> List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
  }

  @Test
  void trustedPeer_rightMostUntrustedHopIsTheClient() {
    assertThat(address.clientKey("10.0.0.1", List.of("6.6.6.6, 203.0.113.5", "10.2.2.2")))
        .isEqualTo("203.0.113.5");
  }

  @Test
  void trustedIpv6Peer_matchesIpv6Network() {
    assertThat(address.clientKey("fd12::1", List.of("2001:db8::7")))
        .isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(address.clientKey("fe80::1", List.of("2001:db8::7")))
        .isEqualTo("fe80:0:0:0:0:0:0:1");
  }

  @Test
  void trustedPeerWithoutForwardedFor_isTheClient() {
    assertThat(address.clientKey("192.168.1.1", List.of())).isEqualTo("192.168.1.1");
  }

  @Test
  void unreadableHop_stopsAtTheLastAddressVouchedFor() {
    assertThat(address.clientKey("10.0.0.1", List.of("1.1.1.1, not-an-ip, 10.3.3.3")))
        .isEqualTo("10.3.3.3");
  }

  @Test
  void onlyTrustedHops_leftMostIsTheClient() {
    assertThat(address.clientKey("10.0.0.1", List.of("10.5.5.5, 10.6.6.6"))).isEqualTo("10.5.5.5");
  }

  @Test
  void cidrPrefixes_matchOnlyInsideTheNetwork() {
    IpNetwork network = IpNetwork.parse("172.16.0.0/12");

    assertThat(network.contains("172.31.255.255")).isTrue();
    assertThat(network.contains("172.32.0.0")).isFalse();
    assertThat(network.contains("::ffff:172.16.0.1")).isTrue();
    assertThat(IpNetwork.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    assertThat(IpNetwork.parse("2001:db8::/33").contains("2001:db8:7fff::1")).isTrue();
    assertThat(IpNetwork.parse("2001:db8::/33").contains("2001:db8:8000::1")).isFalse();
  }

  @Test
  void hostNamesAndJunk_areNeverResolved() {
    assertThat(IpLiteral.parse("localhost")).isEmpty();
    assertThat(IpLiteral.parse("cafe")).isEmpty();
    assertThat(IpLiteral.parse("1.2.3")).isEmpty();
    assertThat(IpLiteral.parse("256.1.1.1")).isEmpty();
    assertThat(IpLiteral.parse("fe80::zz")).isEmpty();
  }

  @Test
  void badCidr_isRejectedAtStartup() {
    assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpNetwork.parse("example.com/8"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
