package io.queuegate.adapter.jwt;

import static io.queuegate.adapter.jwt.JwtAdmissionTokenSignerTest.CLAIMS;
import static io.queuegate.adapter.jwt.JwtAdmissionTokenSignerTest.NEW;
import static io.queuegate.adapter.jwt.JwtAdmissionTokenSignerTest.NOW;
import static io.queuegate.adapter.jwt.JwtAdmissionTokenSignerTest.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.queuegate.domain.model.InvalidAdmissionToken;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Building the admission signer from settings: key checks, the ephemeral fallback, redaction. */
class AdmissionKeySettingsTest {

  private static AdmissionKeySettings settings(String jwkSetJson, String signingKid) {
    return new AdmissionKeySettings(
        "queuegate", Optional.of(jwkSetJson), Optional.ofNullable(signingKid));
  }

  @Test
  void blankValues_fallBackToDefaults() {
    var settings = new AdmissionKeySettings(" ", Optional.of(""), Optional.of(""));

    assertThat(settings).isEqualTo(AdmissionKeySettings.defaults());
    assertThat(settings.issuer()).isEqualTo("queuegate");
  }

  @Test
  void signingKidWithoutKeySet_isRejected() {
    assertThatThrownBy(
            () -> new AdmissionKeySettings("queuegate", Optional.empty(), Optional.of("key-2030")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no admission JWK set");
  }

  @Test
  void toString_hidesThePrivateKeySet() {
    String privateSet = new JWKSet(NEW).toString(false);

    String text = settings(privateSet, "key-2030").toString();

    assertThat(text).contains("key-2030").doesNotContain(NEW.getD().toString());
  }

  @Test
  void noKeys_givesAnEphemeralSignerAndWarnsAboutRestarts() {
    Logger logger = Logger.getLogger(JwtAdmissionTokenSigner.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      var signer = JwtAdmissionTokenSigner.from(AdmissionKeySettings.defaults());

      assertThat(signer.verify(signer.sign(CLAIMS).token(), NOW)).isEqualTo(CLAIMS);
      assertThat(records).hasSize(1);
      assertThat(records.getFirst().getLevel()).isEqualTo(Level.WARNING);
      assertThat(new SimpleFormatter().formatMessage(records.getFirst()))
          .contains("ephemeral")
          .contains("restart");
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void ephemeralSigners_doNotAcceptEachOthersTokens() {
    var first = JwtAdmissionTokenSigner.ephemeral("queuegate");
    var second = JwtAdmissionTokenSigner.ephemeral("queuegate");

    var token = first.sign(CLAIMS).token();

    assertThatThrownBy(() -> second.verify(token, NOW)).isInstanceOf(InvalidAdmissionToken.class);
  }

  @Test
  void unreadableKeySet_isRejectedWithoutQuotingIt() {
    String broken = new JWKSet(NEW).toString(false).replace("}", "");

    assertThatThrownBy(() -> JwtAdmissionTokenSigner.from(settings(broken, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(NEW.getD().toString())
        .hasNoCause();
  }

  @Test
  void unknownSigningKid_isRejected() {
    String set = new JWKSet(NEW).toString(false);

    assertThatThrownBy(() -> JwtAdmissionTokenSigner.from(settings(set, "key-1999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key-1999");
  }

  @Test
  void publicOnlySigningKey_isRejected() {
    String set = new JWKSet(List.of(NEW.toPublicJWK(), OLD)).toString(false);

    assertThatThrownBy(() -> JwtAdmissionTokenSigner.from(settings(set, "key-2030")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("private");
  }

  @Test
  void publicOnlyRetiredKey_stillVerifiesItsTokens() {
    var oldToken = JwtAdmissionTokenSignerTest.signer("key-2029", OLD).sign(CLAIMS).token();
    String set = new JWKSet(List.of(NEW, OLD.toPublicJWK())).toString(false);

    var signer = JwtAdmissionTokenSigner.from(settings(set, "key-2030"));

    assertThat(signer.verify(oldToken, NOW)).isEqualTo(CLAIMS);
  }

  @Test
  void rsaKey_isRejected() throws Exception {
    var rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    String set = new JWKSet(rsa).toString(false);

    assertThatThrownBy(() -> JwtAdmissionTokenSigner.from(settings(set, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
  }

  @Test
  void duplicateKid_isRejected() {
    var twin = JwtAdmissionTokenSignerTest.ecKey("key-2030");
    String set = new JWKSet(List.of(NEW, twin)).toString(false);

    assertThatThrownBy(() -> JwtAdmissionTokenSigner.from(settings(set, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void emptyKeySet_isRejected() {
    assertThatThrownBy(() -> JwtAdmissionTokenSigner.from(settings("{\"keys\":[]}", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no keys");
  }
}
