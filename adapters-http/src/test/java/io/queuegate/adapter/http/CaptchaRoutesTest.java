package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.CaptchaOutage;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.CaptchaRequired;
import io.queuegate.domain.model.CaptchaUnavailable;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidCaptcha;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.JoinCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class CaptchaRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withOperatorApi();
  private static final EventId EVENT = new EventId("concert-2025");
  private static final WaitingToken TOKEN = new WaitingToken(EVENT, WaiterId.random());
  private static final String JOIN_BODY = "{\"event_id\":\"concert-2025\"}";

  private final Api api = FIX.api();

  @BeforeEach
  void stub() {
    when(FIX.useCases.join().join(any())).thenReturn(Answers.receipt(TOKEN, 1, 2, 1000));
  }

  private JoinCommand joined() {
    ArgumentCaptor<JoinCommand> command = ArgumentCaptor.forClass(JoinCommand.class);
    verify(FIX.useCases.join()).join(command.capture());
    return command.getValue();
  }

  @Test
  void joinWithCaptchaHeader_passesTheTokenAndTheClientAddress() {
    Exchange res =
        api.post(Routes.JOIN)
            .idempotencyKey()
            .header("X-Captcha-Token", "widget-token.1")
            .send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(202);
    assertThat(joined().captcha()).map(CaptchaAnswer::token).contains("widget-token.1");
  }

  @Test
  void joinWithCaptchaTokenInTheBody_passesTheToken() {
    api.post(Routes.JOIN)
        .idempotencyKey()
        .send("{\"event_id\":\"concert-2025\",\"captcha_token\":\"from-body\"}");

    assertThat(joined().captcha()).map(CaptchaAnswer::token).contains("from-body");
  }

  @Test
  void joinWithEmptyCaptchaToken_hasNoToken() {
    api.post(Routes.JOIN)
        .idempotencyKey()
        .send("{\"event_id\":\"concert-2025\",\"captcha_token\":\"\"}");

    assertThat(joined().captcha()).isEmpty();
  }

  @Test
  void joinWithOverlongToken_is403InvalidCaptcha_andNeverJoins() {
    Exchange res =
        api.post(Routes.JOIN)
            .idempotencyKey()
            .header("X-Captcha-Token", "x".repeat(CaptchaAnswer.MAX_TOKEN_LENGTH + 1))
            .send(JOIN_BODY);

    assertThat(res.status()).isEqualTo(403);
    assertThat(res.errorCode()).isEqualTo("INVALID_CAPTCHA");
    verify(FIX.useCases.join(), never()).join(any());
  }

  @Test
  void refusals_areTheirEnvelopes() {
    when(FIX.useCases.join().join(any()))
        .thenThrow(new CaptchaRequired())
        .thenThrow(new InvalidCaptcha("the provider did not accept the token"))
        .thenThrow(new CaptchaUnavailable());

    Exchange missing = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);
    Exchange refused = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);
    Exchange down = api.post(Routes.JOIN).idempotencyKey().send(JOIN_BODY);

    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.errorCode()).isEqualTo("CAPTCHA_REQUIRED");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("INVALID_CAPTCHA");
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.errorCode()).isEqualTo("CAPTCHA_UNAVAILABLE");
    assertThat(down.header("Retry-After")).isEqualTo("5");
  }

  @Test
  void pageOfACaptchaEvent_loadsTheWidgetAndWidensItsPolicyForTheProviderAlone() {
    when(FIX.useCases.captcha().captcha(EVENT))
        .thenReturn(CaptchaPolicy.of("turnstile", "0x4AAAAAAA-site", CaptchaOutage.ADMIT));

    Exchange res = api.get("/wait/concert-2025").send();

    assertThat(res.body())
        .contains("\"provider\":\"turnstile\"", "\"siteKey\":\"0x4AAAAAAA-site\"")
        .contains("\"script\":\"https://widget.example/turnstile/v0/api.js\"");
    assertThat(res.header("Content-Security-Policy"))
        .contains("script-src 'self' https://widget.example https://frames.widget.example;")
        .contains("frame-src https://widget.example https://frames.widget.example;")
        .contains("connect-src 'self' https://widget.example https://frames.widget.example;")
        .contains("frame-ancestors 'none'");
  }

  @Test
  void pageOfAPlainEvent_keepsTheStrictPolicyByteForByte_andNoWidget() {
    when(FIX.useCases.captcha().captcha(EVENT)).thenReturn(CaptchaPolicy.NONE);

    Exchange res = api.get("/wait/concert-2025").send();

    assertThat(res.header("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'");
    assertThat(res.body()).doesNotContain("\"captcha\"");
  }

  @Test
  void adminPut_readsAndShowsTheCaptchaFields() {
    Exchange res =
        adminPut(
            "{\"captcha_provider\":\"hcaptcha\",\"captcha_site_key\":\"10000000-ffff\","
                + "\"captcha_on_outage\":\"refuse\"}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("policy").path("captcha_provider").asText()).isEqualTo("hcaptcha");
    assertThat(res.json().path("policy").path("captcha_on_outage").asText()).isEqualTo("refuse");
  }

  @Test
  void adminPut_withAnUnknownProvider_is400InvalidPolicyNamingTheField() {
    Exchange res = adminPut("{\"captcha_provider\":\"friendly\",\"captcha_site_key\":\"k\"}");

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_POLICY");
    assertThat(res.json().path("error").path("message").asText()).startsWith("captcha_provider");
  }

  /** An operator's PUT of the event's policy, applied to the defaults as the store would. */
  private Exchange adminPut(String body) {
    when(FIX.useCases.configure().configure(any(), any()))
        .thenAnswer(
            call ->
                call.<java.util.function.UnaryOperator<io.queuegate.domain.model.QueuePolicy>>
                        getArgument(1)
                    .apply(io.queuegate.domain.model.QueuePolicy.defaults()));
    return api.put("/api/v1/admin/events/concert-2025")
        .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
        .send(body);
  }
}
