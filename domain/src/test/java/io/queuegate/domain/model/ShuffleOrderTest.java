package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/fairness.md#example: these numbers were computed with Python's hashlib
 * and hmac, independently of this code, and the document prints the same ones.
 */
class ShuffleOrderTest {
  private static final ShuffleSeed SEED =
      new ShuffleSeed("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  @Test
  void commitmentIsTheSha256OfTheSeedBytes() {
    assertThat(SEED.commitment())
        .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
  }

  @Test
  void keyIsTheHmacOfThePublicValueUnderTheSeed_emptyWithoutOne() {
    assertThat(ShuffleKey.of(SEED, Optional.of("lottery draw #123")).hex())
        .isEqualTo("994102a6e21f5a4f618a20b6a884b306f15a0bc2daede2637aba10906d190313");
    assertThat(ShuffleKey.of(SEED, Optional.empty()).hex())
        .isEqualTo("d38b42096d80f45f826b44a9d5607de72496a415d3f4a1a8c88e3bb9da8dc1cb");
  }

  @Test
  void entrantIdIsTheFirstHalfOfASha256OfTheWaiterId() {
    assertThat(EntrantId.of(new WaiterId("AAAAAAAAAAAAAAAAAAAAAA")).value())
        .isEqualTo("1f2c130a5712947dd2fd8c823624df73");
  }

  @Test
  void theWorkedExampleOrdersFourEntrantsByTheFirst13HexDigitsOfTheirScore() {
    ShuffleKey key = ShuffleKey.of(SEED, Optional.of("lottery draw #123"));
    ShuffleKey.Scorer scorer = key.scorer();
    EntrantId a = EntrantId.of(new WaiterId("AAAAAAAAAAAAAAAAAAAAAA"));
    EntrantId d = EntrantId.of(new WaiterId("DDDDDDDDDDDDDDDDDDDDDD"));

    assertThat(key.scoreHex(d))
        .isEqualTo("63829cde148601da01dc7fe62649f8a1c2aba73a268f19ac1b498841357a6847");
    assertThat(scorer.orderScore(d)).isEqualTo(0x63829cde14860L).isEqualTo(1750602059171936L);
    assertThat(scorer.orderScore(a)).isEqualTo(2610659871104528L);

    List<String> order =
        Stream.of("A", "B", "C", "D")
            .map(c -> EntrantId.of(new WaiterId(c.repeat(22))))
            .map(e -> new ScoredEntrant(e, scorer.orderScore(e)))
            .sorted(
                Comparator.comparingLong(ScoredEntrant::score)
                    .thenComparing(ScoredEntrant::entrant))
            .map(s -> s.entrant().value())
            .toList();
    assertThat(order)
        .containsExactly(
            "b052a3ab7d4d2db829c865df51a6297f", // D
            "1f2c130a5712947dd2fd8c823624df73", // A
            "928d3ac868cbeb2f35413433971c8c88", // C
            "b4e376af8739f672200e35c616dc2191"); // B
  }

  @Test
  void aSeedNeverPrintsItself() {
    assertThat(SEED.toString()).doesNotContain(SEED.hex()).contains(SEED.commitment());
  }
}
