package io.queuegate.adapter.http.filter;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
   * @return the client's normalised IP address
   */
  String clientKey(String peer, List<String> forwardedFor) {
    return IpLiteral.parse(peer)
        .map(address -> clientKey(address, () -> forwardedFor))
        .orElse(peer);
  }

  /**
   * The same for a peer whose address the connection already holds. The forwarded-for values are
   * read only when the peer is a trusted proxy: a status poll from a client costs no header
   * parsing.
   */
  String clientKey(InetAddress peer, Supplier<List<String>> forwardedFor) {
    return client(peer, forwardedFor).getHostAddress();
  }

  /** The client's address itself, for callers that reduce it to its network. */
  InetAddress client(InetAddress peer, Supplier<List<String>> forwardedFor) {
    if (!trusted(peer)) {
      return peer;
    }
    List<String> hops = hops(forwardedFor.get());
    InetAddress client = peer;
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
    return client;
  }

  private boolean trusted(InetAddress address) {
    for (IpNetwork network : trustedProxies) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
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
