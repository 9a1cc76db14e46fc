package io.queuegate.adapter.http.filter;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds the client network a request counts against: the client's IPv4 address, or its IPv6 network
 * of the configured prefix, since one IPv6 host can use every address of its /64.
 */
public final class ClientNetworks {
  private final ClientAddress address;
  private final int ipv6Prefix;
  private final List<IpNetwork> backends;

  public ClientNetworks(ClientSettings settings) {
    this.address = new ClientAddress(settings.trustedProxies());
    this.ipv6Prefix = settings.ipv6PrefixLength();
    this.backends = settings.backendNetworks().stream().map(IpNetwork::parse).toList();
  }

  /** The client's address, behind any trusted proxies; null when the peer has none (a test). */
  InetAddress addressOf(ServerRequest req) {
    Supplier<List<String>> forwardedFor =
        () -> req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of);
    SocketAddress peer = req.remotePeer().address();
    if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return address.client(inet.getAddress(), forwardedFor);
    }
    return IpLiteral.parse(req.remotePeer().host())
        .map(literal -> address.client(literal, forwardedFor))
        .orElse(null);
  }

  /**
   * The client's address as text, behind any trusted proxies, for a CAPTCHA provider's {@code
   * remoteip}; empty when the peer has none.
   */
  public java.util.Optional<String> clientAddressOf(ServerRequest req) {
    return java.util.Optional.ofNullable(addressOf(req)).map(InetAddress::getHostAddress);
  }

  /** The key of the client's buckets: {@code 192.0.2.7}, or {@code 2001:db8:1:2:0:0:0:0/64}. */
  public String networkOf(ServerRequest req) {
    InetAddress client = addressOf(req);
    return client == null ? req.remotePeer().host() : networkOf(client);
  }

  /**
   * The client's prefix for the adaptive proof-of-work difficulty: its IPv4 /24 ({@code
   * 192.0.2.0/24}), or its IPv6 network as in {@link #networkOf(ServerRequest)}. Wider than a rate
   * bucket on purpose: a bot farm rents neighbouring addresses.
   */
  public String prefixOf(ServerRequest req) {
    InetAddress client = addressOf(req);
    return client == null ? req.remotePeer().host() : prefixOf(client);
  }

  String prefixOf(InetAddress client) {
    if (client instanceof java.net.Inet4Address v4) {
      byte[] b = v4.getAddress();
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
    }
    return networkOf(client);
  }

  String networkOf(InetAddress client) {
    if (!(client instanceof Inet6Address) || ipv6Prefix == 128) {
      return client.getHostAddress();
    }
    byte[] bytes = client.getAddress();
    for (int bit = ipv6Prefix; bit < 128; bit++) {
      bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6Prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }

  /** Whether the client is a booking backend, whose admission checks are not limited. */
  boolean isBackend(InetAddress client) {
    if (client == null) {
      return false;
    }
    for (IpNetwork network : backends) {
      if (network.contains(client)) {
        return true;
      }
    }
    return false;
  }
}
