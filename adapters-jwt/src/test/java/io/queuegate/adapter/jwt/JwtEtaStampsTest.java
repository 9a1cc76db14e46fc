package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.SealedPlace;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import java.time.Instant;
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

  private static final SealedPlace PLACE =
      new SealedPlace(123_456_789_012L, Instant.parse("2030-06-01T10:00:07Z"));

  @Test
  void placedStamp_readsBackItsPlaceAndEta_andIsTheLongerForm() {
    String token = TOKEN.encode(stamps.stamp(TOKEN, 420, PLACE));

    assertThat(token).hasSize(TOKEN.encode().length() + 1 + WaitingToken.PLACED_STAMP_LENGTH);
    assertThat(stamps.placeOf(token)).contains(PLACE);
    assertThat(stamps.etaAtJoin(token)).hasValue(420);
    assertThat(JwtEtaStamps.from(Optional.of("a secret every instance shares")).placeOf(token))
        .contains(PLACE);
  }

  @Test
  void joinTimes_keepTheirSecond_pastThe2038SignedLimit() {
    SealedPlace late = new SealedPlace(7, Instant.parse("2090-01-01T00:00:01Z"));

    assertThat(stamps.placeOf(TOKEN.encode(stamps.stamp(TOKEN, 1, late)))).contains(late);
  }

  @Test
  void theShortForm_holdsNoPlace_butStillItsEta() {
    String token = TOKEN.encode(stamps.stamp(TOKEN, 420));

    assertThat(stamps.placeOf(token)).isEmpty();
    assertThat(stamps.placeOf(TOKEN.encode())).isEmpty();
    assertThat(stamps.placeOf("garbage")).isEmpty();
  }

  @Test
  void everyChangedBit_orAnotherWaiter_orAnotherKey_orACut_verifiesNothing() {
    String stamp = stamps.stamp(TOKEN, 420, PLACE);
    byte[] bytes = Base64.getUrlDecoder().decode(stamp);
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] changed = bytes.clone();
      changed[bit / 8] ^= (byte) (1 << (bit % 8));
      String altered =
          TOKEN.encode(Base64.getUrlEncoder().withoutPadding().encodeToString(changed));
      assertThat(stamps.placeOf(altered)).as("bit %d", bit).isEmpty();
      assertThat(stamps.etaAtJoin(altered)).as("bit %d", bit).isEmpty();
    }
    assertThat(stamps.placeOf(OTHER.encode(stamp))).isEmpty();
    assertThat(JwtEtaStamps.from(Optional.of("another secret")).placeOf(TOKEN.encode(stamp)))
        .isEmpty();
    // The first 16 characters are the ETA and the sequence's first bytes, not a short stamp.
    String cut = TOKEN.encode(stamp.substring(0, WaitingToken.STAMP_LENGTH));
    assertThat(stamps.etaAtJoin(cut)).isEmpty();
    assertThat(stamps.placeOf(cut)).isEmpty();
  }

  @Test
  void aShortStampsTag_underAPlacedStampsFields_verifiesNothing() {
    byte[] shortForm = Base64.getUrlDecoder().decode(stamps.stamp(TOKEN, 420));
    byte[] spliced =
        java.nio.ByteBuffer.allocate(24)
            .put(shortForm, 0, 4)
            .putLong(PLACE.sequence())
            .putInt(0)
            .put(shortForm, 4, 8)
            .array();
    String token = TOKEN.encode(Base64.getUrlEncoder().withoutPadding().encodeToString(spliced));

    assertThat(stamps.placeOf(token)).isEmpty();
  }
}
