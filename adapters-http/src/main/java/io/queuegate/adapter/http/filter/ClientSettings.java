package io.queuegate.adapter.http.filter;

import java.util.List;

/**
 * How requests are told apart by where they come from (docs/design.md#rate-limit): the proxy
 * networks whose {@code X-Forwarded-For} is believed, the prefix that makes one IPv6 client (a host
 * usually holds a whole /64), and the networks of booking backends, whose admission checks are not
 * limited.
 *
 * @param trustedProxies CIDRs
 * @param ipv6PrefixLength 1 to 128; IPv4 clients are always one address (/32)
 * @param backendNetworks CIDRs
 */
public record ClientSettings(
    List<String> trustedProxies, int ipv6PrefixLength, List<String> backendNetworks) {

  /** One IPv6 client per /64. */
  public static final int DEFAULT_IPV6_PREFIX_LENGTH = 64;

  public ClientSettings {
    trustedProxies = List.copyOf(trustedProxies);
    backendNetworks = List.copyOf(backendNetworks);
    if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
      throw new IllegalArgumentException("the IPv6 prefix length must be 1 to 128");
    }
    // Refused at start rather than at the first request.
    trustedProxies.forEach(IpNetwork::parse);
    backendNetworks.forEach(IpNetwork::parse);
  }

  /** Behind these proxies, with the default IPv6 prefix and no backend networks. */
  public static ClientSettings behind(List<String> trustedProxies) {
    return new ClientSettings(trustedProxies, DEFAULT_IPV6_PREFIX_LENGTH, List.of());
  }
}
