package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.it.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An admission names the person of a verified enqueue token in a claim of its own, which the
 * client's {@code user_id} cannot change (docs/design.md#admission-tokens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionIdentityIT {
  private static final String SECRET = "shop-secret-0123456789abcdef0123456789";
  private static final String ISSUER = "https://shop.example";

  private ServiceHarness service;

  @BeforeAll
  void start() {
    service =
        ServiceHarness.start(
            Map.of(
                "QUEUEGATE_ENQUEUE_TOKEN_HS256_SECRET", SECRET,
                "QUEUEGATE_ENQUEUE_TOKEN_ISSUER", ISSUER));
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void invitationJoinedUnderAnyUserId_admitsWithTheInvitedPersonInItsOwnClaim() throws Exception {
    String event = "identity-" + UUID.randomUUID().toString().substring(0, 8);

    String jwt = admit(event, "somebody-else", Optional.of(invitation("person-1", event)));

    JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("somebody-else");
    assertThat(claims.getStringClaim("enqueue_sub")).isEqualTo("person-1");
    Reply verified = service.api.verify(jwt, false);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body().path("user_id").asText()).isEqualTo("somebody-else");
    assertThat(verified.body().path("enqueue_sub").asText()).isEqualTo("person-1");
  }

  @Test
  void joinWithoutAnInvitation_admitsWithoutTheClaim() throws Exception {
    String event = "identity-" + UUID.randomUUID().toString().substring(0, 8);

    String jwt = admit(event, "person-1", Optional.empty());

    assertThat(SignedJWT.parse(jwt).getJWTClaimsSet().getClaims()).doesNotContainKey("enqueue_sub");
    Reply verified = service.api.verify(jwt, false);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body().path("user_id").asText()).isEqualTo("person-1");
    assertThat(verified.body().has("enqueue_sub")).isFalse();
  }

  private String admit(String event, String userId, Optional<String> enqueueToken) {
    String body = "{\"event_id\":\"" + event + "\",\"user_id\":\"" + userId + "\"}";
    String[] headers =
        enqueueToken
            .map(
                t ->
                    new String[] {
                      "Content-Type",
                      "application/json",
                      "Idempotency-Key",
                      UUID.randomUUID().toString(),
                      "Authorization",
                      "Bearer " + t
                    })
            .orElse(
                new String[] {
                  "Content-Type",
                  "application/json",
                  "Idempotency-Key",
                  UUID.randomUUID().toString()
                });
    Reply joined =
        service.api.raw(
            "POST", "/api/v1/queue/join", body.getBytes(StandardCharsets.UTF_8), headers);
    assertThat(joined.status()).as("join: %s", joined.body()).isEqualTo(202);
    Reply entered = service.api.enter(joined.body().path("waiting_token").asText());
    assertThat(entered.status()).as("enter: %s", entered.body()).isEqualTo(200);
    return entered.body().path("reservation_token").asText();
  }

  private static String invitation(String person, String event) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(person)
            .audience(event)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(120)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(SECRET));
    return jwt.serialize();
  }
}
