package io.queuegate.domain.service;

import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.EtaStamps;
import java.util.OptionalLong;

/** Stamps for the domain's tests: readable, and only those made with the same secret read back. */
final class FakeEtaStamps implements EtaStamps {
  private final String secret;

  FakeEtaStamps(String secret) {
    this.secret = secret;
  }

  @Override
  public String stamp(WaitingToken token, long etaSec) {
    return String.format("%08d%08x", etaSec, tag(token, etaSec));
  }

  @Override
  public OptionalLong etaAtJoin(String rawToken) {
    var token = WaitingToken.parse(rawToken);
    var stamp = WaitingToken.stampOf(rawToken);
    if (token.isEmpty() || stamp.isEmpty() || !stamp.get().matches("[0-9]{8}[0-9a-f]{8}")) {
      return OptionalLong.empty();
    }
    long eta = Long.parseLong(stamp.get().substring(0, 8));
    return stamp.get().equals(stamp(token.get(), eta))
        ? OptionalLong.of(eta)
        : OptionalLong.empty();
  }

  private int tag(WaitingToken token, long etaSec) {
    return (secret + "~" + token.encode() + "~" + etaSec).hashCode();
  }
}
