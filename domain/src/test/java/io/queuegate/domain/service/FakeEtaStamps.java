package io.queuegate.domain.service;

import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.EtaStamps;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stamps for the domain's tests: readable, and only those made with the same secret read back. A
 * placed stamp is the ETA's 16 characters then the place's: 10 digits of sequence, 6 of base-36
 * join second.
 */
final class FakeEtaStamps implements EtaStamps {
  private final String secret;

  FakeEtaStamps(String secret) {
    this.secret = secret;
  }

  @Override
  public String stamp(WaitingToken token, long etaSec) {
    return String.format("%08d%08x", etaSec, tag(token, etaSec + ""));
  }

  @Override
  public String stamp(WaitingToken token, long etaSec, SealedPlace place) {
    String fields =
        String.format(
                "%08d%010d%6s",
                etaSec, place.sequence(), Long.toString(place.joinedAt().getEpochSecond(), 36))
            .replace(' ', '0');
    return fields.substring(0, 8) + String.format("%08x", tag(token, fields)) + fields.substring(8);
  }

  @Override
  public OptionalLong etaAtJoin(String rawToken) {
    var token = WaitingToken.parse(rawToken);
    var stamp = WaitingToken.stampOf(rawToken);
    if (token.isEmpty() || stamp.isEmpty() || !stamp.get().matches("[0-9]{8}[0-9a-f]{8}.*")) {
      return OptionalLong.empty();
    }
    long eta = Long.parseLong(stamp.get().substring(0, 8));
    if (stamp.get().length() == WaitingToken.STAMP_LENGTH) {
      return stamp.get().equals(stamp(token.get(), eta))
          ? OptionalLong.of(eta)
          : OptionalLong.empty();
    }
    return placeOf(rawToken).isPresent() ? OptionalLong.of(eta) : OptionalLong.empty();
  }

  @Override
  public Optional<SealedPlace> placeOf(String rawToken) {
    var token = WaitingToken.parse(rawToken);
    var stamp = WaitingToken.stampOf(rawToken);
    if (token.isEmpty()
        || stamp.isEmpty()
        || !stamp.get().matches("[0-9]{8}[0-9a-f]{8}[0-9]{10}[0-9a-z]{6}")) {
      return Optional.empty();
    }
    String s = stamp.get();
    if (Long.parseLong(s.substring(16, 26)) < 1) {
      return Optional.empty();
    }
    SealedPlace place =
        new SealedPlace(
            Long.parseLong(s.substring(16, 26)),
            Instant.ofEpochSecond(Long.parseLong(s.substring(26), 36)));
    return s.equals(stamp(token.get(), Long.parseLong(s.substring(0, 8)), place))
        ? Optional.of(place)
        : Optional.empty();
  }

  private int tag(WaitingToken token, String fields) {
    return (secret + "~" + token.encode() + "~" + fields).hashCode();
  }
}
