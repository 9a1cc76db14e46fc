package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.AdmissionAlreadyUsed;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.InvalidAdmissionToken;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdmissionRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withoutOperatorApi();

  private final Api api = FIX.api();

  @Test
  void verifyValidToken_returnsClaimsWithSubjectAsUserId() {
    when(FIX.useCases.verify().verify("jwt", true))
        .thenReturn(
            new AdmissionClaims(
                new EventId("concert"),
                "anonymous",
                Optional.empty(),
                "jti-1",
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:05:00Z")));

    Exchange res = api.post(Routes.VERIFY).send("{\"reservation_token\":\"jwt\",\"consume\":true}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("valid").asBoolean()).isTrue();
    assertThat(res.json().path("event_id").asText()).isEqualTo("concert");
    assertThat(res.json().path("user_id").asText()).isEqualTo("anonymous");
    assertThat(res.json().path("expires_at").asText()).isEqualTo("2025-01-01T00:05:00Z");
    // As the old gateway answered: no field for an identity the join did not carry.
    assertThat(res.json().has("enqueue_sub")).isFalse();
  }

  @Test
  void verifyTokenOfAVerifiedJoin_returnsTheIdentityBesideTheUserId() {
    when(FIX.useCases.verify().verify("jwt", false))
        .thenReturn(
            new AdmissionClaims(
                new EventId("concert"),
                "somebody-else",
                Optional.of(new Identity("person-1")),
                "jti-1",
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:05:00Z")));

    Exchange res = api.post(Routes.VERIFY).send("{\"reservation_token\":\"jwt\"}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("user_id").asText()).isEqualTo("somebody-else");
    assertThat(res.json().path("enqueue_sub").asText()).isEqualTo("person-1");
  }

  @Test
  void verifyWithoutConsume_doesNotConsume() {
    when(FIX.useCases.verify().verify(anyString(), anyBoolean()))
        .thenThrow(new InvalidAdmissionToken("expired"));

    Exchange res = api.post(Routes.VERIFY).send("{\"reservation_token\":\"jwt\"}");

    assertThat(res.status()).isEqualTo(401);
    assertThat(res.errorCode()).isEqualTo("INVALID_ADMISSION_TOKEN");
    verify(FIX.useCases.verify()).verify("jwt", false);
  }

  @Test
  void verifyUsedToken_returns409AdmissionAlreadyUsed() {
    when(FIX.useCases.verify().verify("jwt", true)).thenThrow(new AdmissionAlreadyUsed());

    Exchange res = api.post(Routes.VERIFY).send("{\"reservation_token\":\"jwt\",\"consume\":true}");

    assertThat(res.status()).isEqualTo(409);
    assertThat(res.errorCode()).isEqualTo("ADMISSION_ALREADY_USED");
  }

  @Test
  void verifyWithStringConsume_returns400InvalidRequest() {
    Exchange res =
        api.post(Routes.VERIFY).send("{\"reservation_token\":\"jwt\",\"consume\":\"yes\"}");

    assertThat(res.errorCode()).isEqualTo("INVALID_REQUEST");
    verifyNoInteractions(FIX.useCases.verify());
  }

  @Test
  void verifyWithoutToken_returns400MissingToken() {
    assertThat(api.post(Routes.VERIFY).send("{\"consume\":true}").errorCode())
        .isEqualTo("MISSING_TOKEN");
  }

  @Test
  void jwks_isServedAsJsonWithCacheControl() {
    when(FIX.useCases.keys().jwksJson()).thenReturn("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\"}]}");

    Exchange res = api.get(Routes.JWKS).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).startsWith("application/json");
    assertThat(res.header("Cache-Control")).isEqualTo("max-age=300");
    assertThat(res.json().path("keys").get(0).path("kid").asText()).isEqualTo("k1");
  }
}
