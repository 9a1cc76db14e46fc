package io.queuegate.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtSessionTokenSignerTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-gate";
  private static final Instant T = Instant.parse("2030-01-01T10:00:00.123Z");
  private static final Session SESSION =
      new Session(
          new RoomId("shop"),
          new EventId("sale"),
          "adm-1",
          T,
          T.plusSeconds(5),
          T.plusMillis(65_500),
          T.plusSeconds(3600));

  private final JwtSessionTokenSigner signer = JwtSessionTokenSigner.from(Optional.of(SECRET));

  @Test
  void signedSession_verifiesToTheSameSession_toTheMillisecond() {
    assertThat(signer.verify(signer.sign(SESSION))).contains(SESSION);
  }

  @Test
  void anotherInstanceWithTheSameSecret_verifiesIt_oneWithAnotherSecretDoesNot() {
    String token = signer.sign(SESSION);

    assertThat(JwtSessionTokenSigner.from(Optional.of(SECRET)).verify(token)).contains(SESSION);
    assertThat(JwtSessionTokenSigner.from(Optional.of(SECRET + "x")).verify(token)).isEmpty();
    assertThat(JwtSessionTokenSigner.from(Optional.empty()).verify(token)).isEmpty();
  }

  @Test
  void tamperedPayload_isNotASession() {
    String[] parts = signer.sign(SESSION).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"shop\"", "\"other\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(signer.verify(forged)).isEmpty();
  }

  @Test
  void unsignedOrOtherTypeOrGarbage_isNotASession() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("room", "shop").build();
    String none = new PlainJWT(new PlainHeader(), claims).serialize();
    SignedJWT plainJwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    plainJwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));

    assertThat(signer.verify(none)).isEmpty();
    assertThat(signer.verify(plainJwt.serialize())).as("right key, wrong type").isEmpty();
    assertThat(signer.verify("garbage")).isEmpty();
    assertThat(signer.verify("")).isEmpty();
    assertThat(signer.verify("a".repeat(5000))).isEmpty();
  }

  @Test
  void shortSecret_isRefusedAtStart() {
    assertThatThrownBy(() -> JwtSessionTokenSigner.from(Optional.of("short")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
