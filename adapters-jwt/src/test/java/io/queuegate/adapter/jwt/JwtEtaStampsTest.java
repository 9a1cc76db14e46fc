package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtEtaStampsTest {
  private static final WaitingToken TOKEN =
      new WaitingToken(new EventId("gig"), new WaiterId("AbCdEfGhIjKlMnOpQrStUv"));
  private static final WaitingToken OTHER =
      new WaitingToken(new EventId("gig"), new WaiterId("ZyXwVuTsRqPoNmLkJiHgFe"));

  private final JwtEtaStamps stamps =
      JwtEtaStamps.from(Optional.of("a secret every instance shares"));

  @Test
  void stamp_readsBackItsEta_onAnyInstanceWithTheSameSecret() {
    String token = TOKEN.encode(stamps.stamp(TOKEN, 420));

    assertThat(token).hasSize(TOKEN.encode().length() + 1 + WaitingToken.STAMP_LENGTH);
    assertThat(stamps.etaAtJoin(token)).hasValue(420);
    assertThat(JwtEtaStamps.from(Optional.of("a secret every instance shares")).etaAtJoin(token))
        .hasValue(420);
  }

  @Test
  void stampUnderAnotherKey_orWithoutOne_isNoEta() {
    String token = TOKEN.encode(stamps.stamp(TOKEN, 420));

    assertThat(JwtEtaStamps.from(Optional.of("another secret")).etaAtJoin(token)).isEmpty();
    assertThat(JwtEtaStamps.from(Optional.empty()).etaAtJoin(token)).isEmpty();
    assertThat(stamps.etaAtJoin(TOKEN.encode())).isEmpty();
    assertThat(stamps.etaAtJoin("garbage")).isEmpty();
  }

  @Test
  void alteredEta_orStampMovedToAnotherWaiter_isNoEta() {
    String stamp = stamps.stamp(TOKEN, 420);
    byte[] bytes = Base64.getUrlDecoder().decode(stamp);
    bytes[3] ^= 1; // 420 becomes 421: the tag no longer matches
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThat(stamps.etaAtJoin(TOKEN.encode(altered))).isEmpty();
    assertThat(stamps.etaAtJoin(OTHER.encode(stamp))).isEmpty();
  }
}
