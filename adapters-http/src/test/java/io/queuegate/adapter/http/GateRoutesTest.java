package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateEntry;
import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.GateRequest;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.InvalidReturnUrl;
import io.queuegate.domain.model.Lobby;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomNotFound;
import io.queuegate.domain.model.SessionCookie;
import io.queuegate.domain.model.WaitingPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

class GateRoutesTest {
  @RegisterExtension static final GateRoutingFixture FIX = new GateRoutingFixture();

  private final Api api = FIX.api();

  private static final SessionCookie COOKIE =
      new SessionCookie("qg_shop", "signed.session.value", Duration.ofSeconds(3600));

  private GateRequest captured() {
    ArgumentCaptor<GateRequest> request = ArgumentCaptor.forClass(GateRequest.class);
    verify(FIX.gate.check()).check(request.capture());
    return request.getValue();
  }

  private void decide(GateDecision decision) {
    when(FIX.gate.check().check(any())).thenReturn(decision);
  }

  // --- the check -------------------------------------------------------------------------------

  @Test
  void passWithANewSession_is200WithTheCookieForTheVisitorAndTheTokenForTheOrigin() {
    decide(new GateDecision.Pass(GateOutcome.ADMIT, Optional.of(COOKIE), Optional.of("jwt")));

    Exchange res =
        api.get(Routes.GATE_CHECK)
            .header("X-Forwarded-Method", "POST")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "Shop.example")
            .header("X-Forwarded-Uri", "/checkout/pay?seat=4")
            .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
            .header("Cookie", "a=1; qg_shop=abc")
            .header("User-Agent", "Mozilla/5.0")
            .send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Set-Cookie"))
        .isEqualTo(
            "qg_shop=signed.session.value; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
    assertThat(res.header("X-Queuegate-Admission")).isEqualTo("jwt");
    assertThat(res.header("X-Queuegate-Decision")).isEqualTo("admit");
    assertThat(res.header("Cache-Control")).isEqualTo("no-store");
    assertThat(res.header("X-RateLimit-Limit")).as("the check is not rate-limited").isNull();
    assertThat(captured())
        .isEqualTo(
            new GateRequest(
                "POST",
                "Shop.example",
                "/checkout/pay?seat=4",
                "203.0.113.7",
                Map.of("a", "1", "qg_shop", "abc"),
                "Mozilla/5.0"));
  }

  @Test
  void queueForCaddyAndTraefik_is302ToTheWaitingPageUnderThePublicPath() {
    decide(new GateDecision.Queue(GateOutcome.QUEUE, "/checkout?seat=4&x=%2F"));

    Exchange res = api.get(Routes.GATE_CHECK).query("proxy", "traefik").send();

    assertThat(res.status()).isEqualTo(302);
    assertThat(res.header("Location"))
        .isEqualTo("/queuegate/gate/wait?return_url=%2Fcheckout%3Fseat%3D4%26x%3D%252F");
  }

  @Test
  void queueForNginx_is401NamingTheWaitingPage() {
    decide(new GateDecision.Queue(GateOutcome.QUEUE, "/checkout"));

    Exchange res = api.get(Routes.GATE_CHECK).query("proxy", "nginx").send();

    assertThat(res.status()).isEqualTo(401);
    assertThat(res.header("X-Queuegate-Location"))
        .isEqualTo("/queuegate/gate/wait?return_url=%2Fcheckout");
    assertThat(res.header("Location")).isNull();
  }

  @Test
  void refusal_is503WithRetryAfter_orForNginxA403ThatSaysSo() {
    decide(new GateDecision.Refuse(GateOutcome.CRAWLER, Duration.ofSeconds(120)));

    Exchange plain = api.get(Routes.GATE_CHECK).send();
    Exchange nginx = api.get(Routes.GATE_CHECK).query("proxy", "nginx").send();

    assertThat(plain.status()).isEqualTo(503);
    assertThat(plain.header("Retry-After")).isEqualTo("120");
    assertThat(plain.body()).contains("Closed for now");
    assertThat(nginx.status()).isEqualTo(403);
    assertThat(nginx.header("Retry-After")).isEqualTo("120");
    assertThat(nginx.header("X-Queuegate-Status")).isEqualTo("503");
  }

  @Test
  void everyMethod_isChecked_asNginxSendsTheOriginalOne() {
    decide(GateDecision.Pass.plain(GateOutcome.UNMATCHED));

    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
      assertThat(api.method(method, Routes.GATE_CHECK).send().status()).isEqualTo(200);
    }
  }

  @Test
  void envoy_sendsTheOriginalMethodHostAndPathAfterThePrefix() {
    decide(GateDecision.Pass.plain(GateOutcome.PASS));

    Exchange res =
        api.method("DELETE", Routes.GATE_CHECK + "/checkout")
            .query("seat", "4")
            .header("Host", "shop.example:8443")
            .send();

    assertThat(res.status()).isEqualTo(200);
    GateRequest request = captured();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.host()).isEqualTo("shop.example:8443");
    assertThat(request.target()).isEqualTo("/checkout?seat=4");
  }

  @Test
  void ingressNginx_describesTheOriginalRequestInOriginalHeaders() {
    decide(GateDecision.Pass.plain(GateOutcome.PASS));

    api.get(Routes.GATE_CHECK)
        .query("proxy", "nginx")
        .header("X-Original-URL", "https://shop.example/checkout/pay?x=1")
        .header("X-Original-Method", "PUT")
        .send();

    GateRequest request = captured();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.host()).isEqualTo("shop.example");
    assertThat(request.target()).isEqualTo("/checkout/pay?x=1");
  }

  @Test
  void theGatesOwnPages_alwaysPass() {
    Exchange res =
        api.get(Routes.GATE_CHECK)
            .header("X-Forwarded-Host", "shop.example")
            .header("X-Forwarded-Uri", "/queuegate/gate/wait?return_url=%2F")
            .send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("X-Queuegate-Decision")).isEqualTo("bypass");
    verifyNoInteractions(FIX.gate.check());
  }

  @Test
  void unknownProxy_is400() {
    Exchange res = api.get(Routes.GATE_CHECK).query("proxy", "apache").send();

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_REQUEST");
  }

  // --- the waiting page and its enter step ------------------------------------------------------

  private static Room room() {
    return Room.builder(new RoomId("shop"), HostPattern.parse("shop.example"), new EventId("sale"))
        .pathPrefixes(List.of(PathPattern.prefix("/checkout", RoomField.PATH_PREFIXES)))
        .build();
  }

  @Test
  void waitingPage_showsTheRoomsLineWithItsCallsUnderThePublicPath() {
    when(FIX.gate.lobby().open(eq("/checkout?x=1"), eq("shop.example"), anyMap()))
        .thenReturn(new Lobby.Wait(room(), WaitingPage.NONE, "/checkout?x=1"));

    Exchange res =
        api.get(Routes.GATE_WAIT)
            .query("return_url", "/checkout?x=1")
            .header("X-Forwarded-Host", "shop.example")
            .send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body())
        .contains("href=\"/queuegate/assets/waiting-page.css\"")
        .contains("src=\"/queuegate/assets/waiting-page.js\"")
        .contains("\"api\":\"/queuegate/api/v1/queue/\"")
        .contains("\"enterUrl\":\"/queuegate/gate/enter\"")
        .contains("\"eventId\":\"sale\"");
    assertThat(res.header("Content-Security-Policy")).contains("default-src 'self'");
  }

  @Test
  void waitingPage_readsIngressNginxsRd_andSendsAValidSessionStraightBack() {
    when(FIX.gate.lobby().open(eq("https://shop.example/checkout"), anyString(), anyMap()))
        .thenReturn(new Lobby.Admitted("https://shop.example/checkout"));

    Exchange res = api.get(Routes.GATE_WAIT).query("rd", "https://shop.example/checkout").send();

    assertThat(res.status()).isEqualTo(303);
    assertThat(res.header("Location")).isEqualTo("https://shop.example/checkout");
  }

  @Test
  void waitingPageOfAClosedRoom_is503_andABadReturnUrl400() {
    when(FIX.gate.lobby().open(eq("/checkout"), anyString(), anyMap()))
        .thenReturn(new Lobby.Closed(Duration.ofSeconds(60)));
    when(FIX.gate.lobby().open(eq("https://evil.example/"), anyString(), anyMap()))
        .thenThrow(new InvalidReturnUrl("it must stay on the room's host"));

    Exchange closed = api.get(Routes.GATE_WAIT).query("return_url", "/checkout").send();
    Exchange evil = api.get(Routes.GATE_WAIT).query("return_url", "https://evil.example/").send();

    assertThat(closed.status()).isEqualTo(503);
    assertThat(closed.header("Retry-After")).isEqualTo("60");
    assertThat(evil.status()).isEqualTo(400);
    assertThat(evil.errorCode()).isEqualTo("INVALID_RETURN_URL");
  }

  @Test
  void enter_setsTheSessionCookie_andSaysWhereToGo() {
    when(FIX.gate.enter().enter("tok", "/checkout", "shop.example"))
        .thenReturn(new GateEntry(COOKIE, "/checkout"));

    Exchange res =
        api.post(Routes.GATE_ENTER)
            .header("Host", "shop.example")
            .send("{\"waiting_token\":\"tok\",\"return_url\":\"/checkout\"}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("redirect").asText()).isEqualTo("/checkout");
    assertThat(res.header("Set-Cookie")).startsWith("qg_shop=signed.session.value; Path=/;");
  }

  @Test
  void enterNotYet_is403NotReady_andWithoutAToken400() {
    when(FIX.gate.enter().enter(anyString(), any(), anyString())).thenThrow(NotReady.paused());

    Exchange notYet =
        api.post(Routes.GATE_ENTER).send("{\"waiting_token\":\"tok\",\"return_url\":\"/x\"}");
    Exchange missing = api.post(Routes.GATE_ENTER).send("{\"return_url\":\"/x\"}");

    assertThat(notYet.status()).isEqualTo(403);
    assertThat(notYet.errorCode()).isEqualTo("NOT_READY");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("MISSING_TOKEN");
  }

  // --- completion -------------------------------------------------------------------------------

  @Test
  void complete_endsTheAdmission_orRefusesABadToken() {
    doThrow(new InvalidAdmissionToken("expired")).when(FIX.gate.complete()).complete("bad");

    Exchange ok = api.post(Routes.COMPLETE).send("{\"reservation_token\":\"jwt\"}");
    Exchange bad = api.post(Routes.COMPLETE).send("{\"reservation_token\":\"bad\"}");
    Exchange missing = api.post(Routes.COMPLETE).send("{}");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("status").asText()).isEqualTo("completed");
    verify(FIX.gate.complete()).complete("jwt");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(missing.errorCode()).isEqualTo("MISSING_TOKEN");
  }

  // --- operator API -----------------------------------------------------------------------------

  private Api.Request admin(Api.Request request) {
    return request.header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN);
  }

  @Test
  void putRoom_savesTheWholeRoom_withDefaultsForWhatIsLeftOut() {
    when(FIX.gate.configureRoom().configure(any())).thenAnswer(call -> call.getArgument(0));

    Exchange res =
        admin(api.put("/api/v1/admin/rooms/shop"))
            .send(
                "{\"host\":\"Shop.example\",\"path_prefixes\":[\"/checkout\"],"
                    + "\"bypass\":[\"*.css\"],\"event_id\":\"sale\",\"mode\":\"queue_all\","
                    + "\"idle_timeout_sec\":120}");

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.json().path("room_id").asText()).isEqualTo("shop");
    assertThat(res.json().path("host").asText()).isEqualTo("shop.example");
    assertThat(res.json().path("mode").asText()).isEqualTo("queue_all");
    assertThat(res.json().path("store_outage").asText()).isEqualTo("waiting_page");
    assertThat(res.json().path("idle_timeout_sec").asLong()).isEqualTo(120);
    assertThat(res.json().path("hard_cap_sec").asLong()).isEqualTo(3600);
  }

  @Test
  void putBadRoom_is400NamingTheField() {
    Exchange badPrefix =
        admin(api.put("/api/v1/admin/rooms/shop"))
            .send(
                "{\"host\":\"shop.example\",\"path_prefixes\":[\"checkout\"],\"event_id\":\"s\"}");
    Exchange noHost =
        admin(api.put("/api/v1/admin/rooms/shop"))
            .send("{\"path_prefixes\":[\"/checkout\"],\"event_id\":\"s\"}");
    Exchange badMode =
        admin(api.put("/api/v1/admin/rooms/shop"))
            .send(
                "{\"host\":\"a\",\"path_prefixes\":[\"/\"],\"event_id\":\"s\",\"mode\":\"open\"}");
    Exchange badId =
        admin(api.put("/api/v1/admin/rooms/sh%7Bop"))
            .send("{\"host\":\"a\",\"path_prefixes\":[\"/\"],\"event_id\":\"s\"}");

    assertThat(badPrefix.errorCode()).isEqualTo("INVALID_ROOM");
    assertThat(badPrefix.json().path("error").path("message").asText()).startsWith("path_prefixes");
    assertThat(noHost.json().path("error").path("message").asText()).startsWith("host");
    assertThat(badMode.json().path("error").path("message").asText()).startsWith("mode");
    assertThat(badId.status()).isEqualTo(400);
    verifyNoInteractions(FIX.gate.configureRoom());
  }

  @Test
  void getListDeleteAndRevoke_answerAsDocumented() {
    when(FIX.gate.describeRoom().describe(new RoomId("shop"))).thenReturn(room());
    when(FIX.gate.describeRoom().describe(new RoomId("nope"))).thenThrow(new RoomNotFound());
    when(FIX.gate.listRooms().list()).thenReturn(List.of(room()));

    assertThat(admin(api.get("/api/v1/admin/rooms/shop")).send().json().path("event_id").asText())
        .isEqualTo("sale");
    assertThat(admin(api.get("/api/v1/admin/rooms/nope")).send().errorCode())
        .isEqualTo("ROOM_NOT_FOUND");
    assertThat(admin(api.get(Routes.ADMIN_ROOMS)).send().json().path("rooms").size()).isEqualTo(1);
    assertThat(admin(api.delete("/api/v1/admin/rooms/shop")).send().json().path("status").asText())
        .isEqualTo("deleted");
    assertThat(
            admin(api.delete("/api/v1/admin/rooms/shop/sessions/adm-1"))
                .send()
                .json()
                .path("status")
                .asText())
        .isEqualTo("revoked");
    verify(FIX.gate.deleteRoom()).delete(new RoomId("shop"));
    verify(FIX.gate.revoke()).revoke(new RoomId("shop"), "adm-1");
  }

  static Stream<Arguments> badInput() {
    String room = "/api/v1/admin/rooms/shop";
    return Stream.of(
        Arguments.of("POST", Routes.GATE_ENTER, "not json"),
        Arguments.of("POST", Routes.GATE_ENTER, "[1,2]"),
        Arguments.of("POST", Routes.GATE_ENTER, "{\"waiting_token\":5,\"return_url\":\"/x\"}"),
        Arguments.of("POST", Routes.COMPLETE, "{\"reservation_token\":[]}"),
        Arguments.of("POST", Routes.COMPLETE, "x".repeat(9000)),
        Arguments.of("PUT", room, "{}"),
        Arguments.of("PUT", room, "{\"host\":\"a\",\"path_prefixes\":[null],\"event_id\":\"e\"}"),
        Arguments.of("PUT", room, "{\"host\":\"a\",\"path_prefixes\":\"/\",\"event_id\":\"e\"}"),
        Arguments.of(
            "PUT",
            room,
            "{\"host\":\"a\",\"path_prefixes\":[\"/\"],\"event_id\":\"e\",\"idle_timeout_sec\":1.5}"),
        Arguments.of(
            "PUT",
            room,
            "{\"host\":\"a\",\"path_prefixes\":[\"/\"],\"event_id\":\"e\","
                + "\"hard_cap_sec\":99999999999999999999}"),
        Arguments.of(
            "PUT",
            room,
            "{\"host\":\"a\",\"path_prefixes\":[\"/\"],\"event_id\":\"e\",\"idle_timeout_sec\":-1}"),
        Arguments.of(
            "PUT", room, "{\"host\":\"a\",\"path_prefixes\":[\"/\"],\"event_id\":\"e{x}\"}"),
        Arguments.of("DELETE", room + "/sessions/" + "a".repeat(200), null));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInput_isAClientErrorInTheEnvelope_neverA500(String method, String path, String body) {
    when(FIX.gate.configureRoom().configure(any())).thenAnswer(call -> call.getArgument(0));

    Exchange res =
        body == null
            ? admin(api.method(method, path)).send()
            : admin(api.method(method, path)).send(body);

    assertThat(res.status()).as(res.body()).isBetween(400, 499);
    assertThat(res.errorCode()).isNotBlank();
  }

  @Test
  void oddProxyHeaders_neverBreakTheCheck() {
    decide(GateDecision.Pass.plain(GateOutcome.PASS));

    Exchange res =
        api.get(Routes.GATE_CHECK)
            .header("X-Forwarded-Uri", "http://[::bad/%zz/../..;x?y")
            .header("X-Forwarded-Host", "Ünïcode..example:99999")
            .header("X-Original-URL", "::: not a url")
            .header("Cookie", ";;=;qg_=;=x; qg_shop")
            .header("X-Forwarded-For", ",,,")
            .send();

    assertThat(res.status()).isEqualTo(200);
  }

  @Test
  void roomsWithoutTheOperatorToken_are401() {
    Exchange res = api.get(Routes.ADMIN_ROOMS).send();

    assertThat(res.status()).isEqualTo(401);
    verifyNoInteractions(FIX.gate.listRooms());
  }
}
