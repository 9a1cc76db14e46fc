package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.Challenge;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.model.ProofOfWorkRequired;
import io.queuegate.domain.model.ProofOfWorkSolution;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.JoinCommand;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class ProofOfWorkRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final EventId EVENT = new EventId("concert-2025");
  private static final WaitingToken TOKEN = new WaitingToken(EVENT, WaiterId.random());
  private static final String JOIN_BODY = "{\"event_id\":\"concert-2025\"}";
  private static final String HEX = "ab".repeat(32);
  private static final String PAYLOAD =
      "{\"algorithm\":\"SHA-256\",\"challenge\":\""
          + HEX
          + "\",\"number\":42,\"salt\":\"s?expires=1&event=concert-2025\",\"signature\":\""
          + HEX
          + "\",\"took\":12}";

  private final Api api = FIX.api();

  @BeforeEach
  void stub() {
    when(FIX.useCases.join().join(any())).thenReturn(Answers.receipt(TOKEN, 1, 2, 1000));
    when(FIX.useCases.challenge().issue(eq(EVENT), anyString()))
        .thenReturn(new Challenge("SHA-256", HEX, 50_000, "s?expires=1&event=concert-2025", HEX));
  }

  private static String base64(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void challenge_isAltchaJson_uncached() {
    Exchange res = api.get(Routes.CHALLENGE).query("event_id", "concert-2025").send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("algorithm").asText()).isEqualTo("SHA-256");
    assertThat(res.json().path("maxnumber").asLong()).isEqualTo(50_000);
    assertThat(res.json().path("challenge").asText()).isEqualTo(HEX);
    assertThat(res.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void challengeWithoutEventId_is400MissingEventId() {
    Exchange res = api.get(Routes.CHALLENGE).send();

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("MISSING_EVENT_ID");
  }

  @Test
  void challengeForABadEventId_is400InvalidEventId() {
    Exchange res = api.get(Routes.CHALLENGE).query("event_id", "no spaces!").send();

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_EVENT_ID");
  }

  @Test
  void joinWithProofOfWorkHeader_passesTheSolution() {
    api.post(Routes.JOIN)
        .idempotencyKey()
        .header("X-Proof-Of-Work", base64(PAYLOAD))
        .send(JOIN_BODY);

    ArgumentCaptor<JoinCommand> command = ArgumentCaptor.forClass(JoinCommand.class);
    verify(FIX.useCases.join()).join(command.capture());
    assertThat(command.getValue().proofOfWork())
        .contains(
            new ProofOfWorkSolution("SHA-256", HEX, 42, "s?expires=1&event=concert-2025", HEX));
  }

  @Test
  void joinWithProofOfWorkInTheBody_passesTheSolution() {
    api.post(Routes.JOIN)
        .idempotencyKey()
        .send("{\"event_id\":\"concert-2025\",\"proof_of_work\":\"" + base64(PAYLOAD) + "\"}");

    ArgumentCaptor<JoinCommand> command = ArgumentCaptor.forClass(JoinCommand.class);
    verify(FIX.useCases.join()).join(command.capture());
    assertThat(command.getValue().proofOfWork()).isPresent();
  }

  @Test
  void joinWithGarbledHeader_is403InvalidProofOfWork_andNeverJoins() {
    for (String garbled :
        new String[] {"not base64!", base64("not json"), base64("{\"algorithm\":\"SHA-256\"}")}) {
      Exchange res =
          api.post(Routes.JOIN).idempotencyKey().header("X-Proof-Of-Work", garbled).send(JOIN_BODY);

      assertThat(res.status()).isEqualTo(403);
      assertThat(res.errorCode()).isEqualTo("INVALID_PROOF_OF_WORK");
    }
    verify(FIX.useCases.join(), never()).join(any());
  }

  @Test
  void joinRefusedForWantOfProof_is403ProofOfWorkRequired() {
    when(FIX.useCases.join().join(any())).thenThrow(new ProofOfWorkRequired());

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(403);
    assertThat(res.errorCode()).isEqualTo("PROOF_OF_WORK_REQUIRED");
  }

  @Test
  void joinWithSpentSolution_is403InvalidProofOfWork() {
    when(FIX.useCases.join().join(any()))
        .thenThrow(new InvalidProofOfWork(ProofOfWorkRefusal.SPENT, "challenge already used"));

    Exchange res =
        api.post(Routes.JOIN)
            .idempotencyKey()
            .header("X-Proof-Of-Work", base64(PAYLOAD))
            .send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(403);
    assertThat(res.errorCode()).isEqualTo("INVALID_PROOF_OF_WORK");
    assertThat(res.json().path("error").path("message").asText()).contains("already used");
  }
}
