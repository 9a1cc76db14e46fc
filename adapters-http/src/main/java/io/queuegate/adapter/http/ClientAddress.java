package io.queuegate.adapter.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client a request counts against. The peer address, unless the peer is a trusted proxy:
 * then the right-most {@code X-Forwarded-For} address that is not itself a trusted proxy, since
 * everything left of it was written by the client and can be forged.
 */
final class ClientAddress {
  private final List<IpNetwork> trustedProxies;

  ClientAddress(List<String> trustedProxyCidrs) {
    this.trustedProxies = trustedProxyCidrs.stream().map(IpNetwork::parse).toList();
  }

  /**
   * @param peer the connection's remote address, as text
   * @param forwardedFor every X-Forwarded-For header value, in order
   * @return the key of the client's rate-limit bucket: a normalised IP address
   */
  String clientKey(String peer, List<String> forwardedFor) {
    Optional<InetAddress> peerAddress = IpLiteral.parse(peer);
    if (peerAddress.isEmpty()) {
      return peer;
    }
    if (!trusted(peerAddress.get())) {
      return peerAddress.get().getHostAddress();
    }
    List<String> hops = hops(forwardedFor);
    InetAddress client = peerAddress.get();
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
      if (hop.isEmpty()) {
        // A hop we cannot read: stop at the last address we could vouch for.
        break;
      }
      client = hop.get();
      if (!trusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(network -> network.contains(address));
  }

  private static List<String> hops(List<String> headerValues) {
    List<String> hops = new ArrayList<>();
    for (String value : headerValues) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          hops.add(part.strip());
        }
      }
    }
    return hops;
  }
}
