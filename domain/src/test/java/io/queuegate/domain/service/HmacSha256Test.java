package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc4231Case2_matches() {
    byte[] mac =
        new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII))
            .mac("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

    assertThat(HEX.formatHex(mac))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void rfc4231Case6_keyLongerThanABlock_matches() {
    byte[] key = new byte[131];
    java.util.Arrays.fill(key, (byte) 0xaa);
    byte[] mac =
        new HmacSha256(key)
            .mac(
                "Test Using Larger Than Block-Size Key - Hash Key First"
                    .getBytes(StandardCharsets.US_ASCII));

    assertThat(HEX.formatHex(mac))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  @Test
  void randomKeysAndMessages_matchTheJdksMac() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] key = new byte[1 + random.nextInt(150)];
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(key);
      random.nextBytes(message);
      Mac jdk = Mac.getInstance("HmacSHA256");
      jdk.init(new SecretKeySpec(key, "HmacSHA256"));

      assertThat(new HmacSha256(key).mac(message)).isEqualTo(jdk.doFinal(message));
    }
  }
}
