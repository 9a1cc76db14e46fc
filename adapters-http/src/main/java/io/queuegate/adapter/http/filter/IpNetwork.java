package io.queuegate.adapter.http.filter;

import java.net.InetAddress;
import java.util.Optional;

/** One network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, or a single address). */
record IpNetwork(byte[] base, int prefixLength) {

  /** Parses a CIDR; a bare address is a network of that one address. */
  static IpNetwork parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress base =
        IpLiteral.parse(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP network: " + cidr));
    int bits = base.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IP network: " + cidr, e);
      }
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix out of range: " + cidr);
    }
    return new IpNetwork(base.getAddress(), prefix);
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != base.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != base[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (base[full] & mask);
  }

  boolean contains(String address) {
    Optional<InetAddress> parsed = IpLiteral.parse(address);
    return parsed.isPresent() && contains(parsed.get());
  }
}
