package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.AdmissionGrant;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.IdempotencyOutcome;
import io.queuegate.domain.model.IdempotencyReply;
import io.queuegate.domain.model.JoinReceipt;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.PositionSource;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.WaiterExpired;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.JoinCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class QueueRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final WaitingToken TOKEN =
      new WaitingToken(new EventId("concert-2025"), WaiterId.random());
  private static final String JOIN_BODY =
      "{\"event_id\":\"concert-2025\",\"user_id\":\"anonymous\"}";

  private final Api api = FIX.api();

  @BeforeEach
  void stubJoin() {
    when(FIX.useCases.join().join(any())).thenReturn(Answers.receipt(TOKEN, 7, 14, 1000));
  }

  @Test
  void joinWithValidBody_returns202WithPositionAndToken() {
    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(202);
    assertThat(res.json().path("waiting_token").asText()).isEqualTo(TOKEN.encode());
    assertThat(res.json().path("position_hint").asLong()).isEqualTo(7);
    assertThat(res.json().path("status").asText()).isEqualTo("waiting");
    assertThat(res.json().has("data")).isFalse();
    assertThat(res.header("X-RateLimit-Limit")).isEqualTo("100");
    assertThat(res.header("X-RateLimit-Remaining")).isEqualTo("99");
    assertThat(res.header("X-RateLimit-Reset")).isEqualTo("2");
    assertThat(res.header("X-Idempotency-Cached")).isNull();
    ArgumentCaptor<JoinCommand> command = ArgumentCaptor.forClass(JoinCommand.class);
    verify(FIX.useCases.join()).join(command.capture());
    assertThat(command.getValue())
        .isEqualTo(
            new JoinCommand(
                new EventId("concert-2025"),
                Optional.of(new UserId("anonymous")),
                Optional.empty()));
    verify(FIX.useCases.idempotency()).runOnce(eq("join"), anyString(), anyString(), any());
  }

  @Test
  void join_answersTheEtaRangeAndTheStampedToken_besideTheOldFields() {
    when(FIX.useCases.join().join(any()))
        .thenReturn(
            new JoinReceipt(
                TOKEN,
                7,
                14,
                1000,
                11,
                20,
                "AbCdEfGhIjKlMnOp",
                EntrantId.of(TOKEN.waiterId()),
                false,
                Optional.empty(),
                Optional.empty()));

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(202);
    assertThat(res.json().path("waiting_token").asText())
        .isEqualTo(TOKEN.encode() + "~AbCdEfGhIjKlMnOp");
    assertThat(res.json().path("eta_sec").asLong()).isEqualTo(14);
    assertThat(res.json().path("eta_low_sec").asLong()).isEqualTo(11);
    assertThat(res.json().path("eta_high_sec").asLong()).isEqualTo(20);
  }

  @Test
  void joinWithBearerToken_passesItAsEnqueueToken() {
    api.post(Routes.JOIN)
        .idempotencyKey()
        .header("Authorization", "Bearer abc.def.ghi")
        .send(JOIN_BODY);

    ArgumentCaptor<JoinCommand> command = ArgumentCaptor.forClass(JoinCommand.class);
    verify(FIX.useCases.join()).join(command.capture());
    assertThat(command.getValue().enqueueToken()).contains("abc.def.ghi");
  }

  @Test
  void joinWithNonBearerOrEmptyAuthorization_returns401InvalidEnqueueToken() {
    for (String authorization : List.of("Basic dXNlcjpwYXNz", "Bearer ", "token")) {
      Exchange res =
          api.post(Routes.JOIN)
              .idempotencyKey()
              .header("Authorization", authorization)
              .send(JOIN_BODY);

      assertThat(res.status()).isEqualTo(401);
      assertThat(res.errorCode()).isEqualTo("INVALID_ENQUEUE_TOKEN");
    }
    verify(FIX.useCases.join(), never()).join(any());
  }

  @Test
  void joinWithoutIdempotencyKey_returns400IdempotencyRequired() {
    Exchange res = api.post(Routes.JOIN).send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("IDEMPOTENCY_REQUIRED");
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void joinWithNonUuidIdempotencyKey_returns400InvalidIdempotencyKey() {
    Exchange res = api.post(Routes.JOIN).header("Idempotency-Key", "not-a-uuid").send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
  }

  @Test
  void joinRepeatedWithSameKey_replaysStoredReplyWithCachedHeader() {
    doReturn(
            new IdempotencyOutcome(
                IdempotencyReply.stored(
                    "202 {\"waiting_token\":\"e~x\",\"position_hint\":3,\"status\":\"waiting\","
                        + "\"eta_sec\":5,\"poll_after_ms\":1000}"),
                true))
        .when(FIX.useCases.idempotency())
        .runOnce(eq("join"), anyString(), anyString(), any());

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(202);
    assertThat(res.header("X-Idempotency-Cached")).isEqualTo("true");
    assertThat(res.json().path("position_hint").asLong()).isEqualTo(3);
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void joinFingerprint_coversBodyAndAuthorization() {
    String key = java.util.UUID.randomUUID().toString();
    api.post(Routes.JOIN).header("Idempotency-Key", key).send(JOIN_BODY);
    api.post(Routes.JOIN).header("Idempotency-Key", key).send(JOIN_BODY);
    api.post(Routes.JOIN)
        .header("Idempotency-Key", key)
        .header("Authorization", "Bearer x")
        .send(JOIN_BODY);
    api.post(Routes.JOIN)
        .header("Idempotency-Key", key)
        .send(JOIN_BODY.replace("anonymous", "bob"));

    ArgumentCaptor<String> fingerprints = ArgumentCaptor.forClass(String.class);
    verify(FIX.useCases.idempotency(), org.mockito.Mockito.times(4))
        .runOnce(eq("join"), eq(key), fingerprints.capture(), any());
    List<String> all = fingerprints.getAllValues();
    assertThat(all.get(0)).isEqualTo(all.get(1));
    assertThat(all.get(2)).isNotEqualTo(all.get(0));
    assertThat(all.get(3)).isNotEqualTo(all.get(0)).isNotEqualTo(all.get(2));
  }

  @Test
  void statusWithToken_returnsPosition_andWhereItCameFrom() {
    when(FIX.useCases.status().status(TOKEN.encode()))
        .thenReturn(
            new WaiterStatus(
                7,
                14,
                15,
                false,
                1000,
                12,
                19,
                false,
                Optional.empty(),
                PositionSource.mirror(new PositionMethod("mirror"), 4_194_305)));

    Exchange res = api.get(Routes.STATUS).query("token", TOKEN.encode()).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("position").asLong()).isEqualTo(7);
    assertThat(res.json().path("eta_sec").asLong()).isEqualTo(14);
    assertThat(res.json().path("eta_low_sec").asLong()).isEqualTo(12);
    assertThat(res.json().path("eta_high_sec").asLong()).isEqualTo(19);
    assertThat(res.json().path("waiting_time").asLong()).isEqualTo(15);
    assertThat(res.json().path("ready_for_entry").asBoolean()).isFalse();
    assertThat(res.header("X-Position-Source")).isEqualTo("mirror; version=4194305");
  }

  @Test
  void statusFromTheStore_namesItsMethod() {
    when(FIX.useCases.status().status(TOKEN.encode()))
        .thenReturn(Answers.status(3, 6, 0, false, 500));

    Exchange res = api.get(Routes.STATUS).query("token", TOKEN.encode()).send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("X-Position-Source")).isEqualTo("position_index");
  }

  @Test
  void statusWithoutToken_returns400MissingToken() {
    Exchange res = api.get(Routes.STATUS).send();

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("MISSING_TOKEN");
    verifyNoInteractions(FIX.useCases.status());
  }

  @Test
  void statusOfUnknownOrExpiredWaiter_returns404WithItsCode() {
    when(FIX.useCases.status().status("gone")).thenThrow(new WaiterNotFound());
    when(FIX.useCases.status().status("late")).thenThrow(new WaiterExpired());

    assertThat(api.get(Routes.STATUS).query("token", "gone").send().errorCode())
        .isEqualTo("TOKEN_NOT_FOUND");
    Exchange expired = api.get(Routes.STATUS).query("token", "late").send();
    assertThat(expired.status()).isEqualTo(404);
    assertThat(expired.errorCode()).isEqualTo("TOKEN_EXPIRED");
  }

  @Test
  void enterWhenReady_returnsAdmission() {
    when(FIX.useCases.enter().enter(TOKEN.encode()))
        .thenReturn(new AdmissionGrant("h.p.s", 300, Instant.parse("2025-01-01T00:05:00Z")));

    Exchange res =
        api.post(Routes.ENTER)
            .idempotencyKey()
            .send("{\"waiting_token\":\"" + TOKEN.encode() + "\"}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("admission").asText()).isEqualTo("granted");
    assertThat(res.json().path("reservation_token").asText()).isEqualTo("h.p.s");
    assertThat(res.json().path("expires_at").asText()).isEqualTo("2025-01-01T00:05:00Z");
    verify(FIX.useCases.idempotency()).runOnce(eq("enter"), anyString(), anyString(), any());
  }

  @Test
  void enterWhenNotReady_returns403WithRetryAfter() {
    when(FIX.useCases.enter().enter(anyString()))
        .thenThrow(NotReady.noCapacity(Duration.ofMillis(2100)));

    Exchange res = api.post(Routes.ENTER).idempotencyKey().send("{\"waiting_token\":\"t\"}");

    assertThat(res.status()).isEqualTo(403);
    assertThat(res.errorCode()).isEqualTo("NOT_READY");
    assertThat(res.header("Retry-After")).isEqualTo("3");
    assertThat(res.json().path("error").path("message").asText()).contains("rate limit");
  }

  @Test
  void enterWithoutWaitingToken_returns400MissingToken() {
    Exchange res = api.post(Routes.ENTER).idempotencyKey().send("{}");

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("MISSING_TOKEN");
  }

  @Test
  void leaveByDelete_returnsLeft() {
    Exchange res = api.delete(Routes.LEAVE).query("token", "abc").send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("status").asText()).isEqualTo("left");
    verify(FIX.useCases.leave()).leave("abc");
  }

  @Test
  void leaveByPost_takesTokenFromQueryOrBodyWithoutIdempotencyKey() {
    assertThat(api.post(Routes.LEAVE).query("token", "q").send().status()).isEqualTo(200);
    assertThat(api.post(Routes.LEAVE).send("{\"waiting_token\":\"b\"}").status()).isEqualTo(200);

    verify(FIX.useCases.leave()).leave("q");
    verify(FIX.useCases.leave()).leave("b");
  }

  @Test
  void leaveWithoutToken_returns400MissingToken() {
    assertThat(api.delete(Routes.LEAVE).send().errorCode()).isEqualTo("MISSING_TOKEN");
    assertThat(api.post(Routes.LEAVE).send().errorCode()).isEqualTo("MISSING_TOKEN");
    verifyNoInteractions(FIX.useCases.leave());
  }
}
