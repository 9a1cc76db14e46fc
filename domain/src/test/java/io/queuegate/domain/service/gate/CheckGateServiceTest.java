package io.queuegate.domain.service.gate;

import static io.queuegate.domain.service.gate.GateFixture.EVENT;
import static io.queuegate.domain.service.gate.GateFixture.HOST;
import static io.queuegate.domain.service.gate.GateFixture.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import io.queuegate.domain.model.AtOnceResult;
import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateDecision.Pass;
import io.queuegate.domain.model.GateDecision.Queue;
import io.queuegate.domain.model.GateDecision.Refuse;
import io.queuegate.domain.model.GateOutcome;
import io.queuegate.domain.model.GateRequest;
import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.OutagePolicy;
import io.queuegate.domain.model.PathPattern;
import io.queuegate.domain.model.Room;
import io.queuegate.domain.model.RoomField;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomMode;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.model.SessionCookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckGateServiceTest {
  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120";
  private static final String GOOGLEBOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  private final GateFixture fix = new GateFixture();
  private final CheckGateService gate = fix.check();

  private static GateRequest request(String target, Map<String, String> cookies, String agent) {
    return new GateRequest("GET", HOST + ":8443", target, "203.0.113.7", cookies, agent);
  }

  private GateDecision visit(String target) {
    return gate.check(request(target, Map.of(), BROWSER));
  }

  private GateDecision visit(String target, SessionCookie cookie) {
    return gate.check(request(target, Map.of(cookie.name(), cookie.value()), BROWSER));
  }

  /** A visitor admitted at once: the cookie it was given. */
  private SessionCookie admittedCookie() {
    Pass pass = (Pass) visit("/checkout");
    assertThat(pass.outcome()).isEqualTo(GateOutcome.ADMIT);
    return pass.cookie().orElseThrow();
  }

  private Session sessionOf(SessionCookie cookie) {
    return fix.cookies.issued.get(cookie.value());
  }

  @Test
  void pathNoRoomCovers_passesWithoutTouchingTheStore() {
    fix.room();

    GateDecision decision = visit("/about");

    assertThat(decision).isEqualTo(Pass.plain(GateOutcome.UNMATCHED));
    assertThat(fix.sessions.attempts).isEmpty();
    verify(fix.gateMetrics).decided(Optional.empty(), GateOutcome.UNMATCHED);
  }

  @Test
  void anotherHost_isNotCovered() {
    fix.room();

    GateDecision decision =
        gate.check(new GateRequest("GET", "other.example", "/checkout", "", Map.of(), BROWSER));

    assertThat(decision.outcome()).isEqualTo(GateOutcome.UNMATCHED);
  }

  @Test
  void newcomerWhileNobodyWaitsAndThereIsCapacity_isAdmittedAtOnceWithASessionCookie() {
    Room room = fix.room();

    Pass pass = (Pass) visit("/checkout/cart?x=1");

    assertThat(pass.outcome()).isEqualTo(GateOutcome.ADMIT);
    Session session = sessionOf(pass.cookie().orElseThrow());
    assertThat(session.room()).isEqualTo(ROOM);
    assertThat(session.idleDeadline()).isEqualTo(GateFixture.START.plusSeconds(100));
    assertThat(session.hardCap()).isEqualTo(GateFixture.START.plusSeconds(1000));
    assertThat(pass.cookie().orElseThrow().name()).isEqualTo("qg_shop");
    assertThat(pass.cookie().orElseThrow().maxAge()).isEqualTo(Duration.ofSeconds(1000));
    assertThat(pass.admissionToken()).contains("jwt-" + session.admissionId());
    assertThat(fix.sessions.attempts.get(0).expiresAt()).isEqualTo(session.idleDeadline());
    assertThat(fix.sessions.attempts.get(0).maxActive()).isZero();
    assertThat(fix.sessions.attempts.get(0).counted()).isFalse();
    verify(fix.queueMetrics).admitted(EVENT, Duration.ZERO);
    verify(fix.gateMetrics).decided(Optional.of(room.id()), GateOutcome.ADMIT);
  }

  @Test
  void newcomerWhenTheLineIsNeeded_isSentToTheWaitingPageWithTheUrlItAskedFor() {
    fix.room();
    for (AtOnceResult refusal :
        List.of(
            AtOnceResult.LINE_NOT_EMPTY,
            AtOnceResult.PAUSED,
            AtOnceResult.MAX_ACTIVE,
            AtOnceResult.NO_CAPACITY)) {
      fix.sessions.next = refusal;

      GateDecision decision = visit("/checkout/pay?seat=4&x=%2F");

      assertThat(decision).isEqualTo(new Queue(GateOutcome.QUEUE, "/checkout/pay?seat=4&x=%2F"));
    }
  }

  @Test
  void returnUrlThatWouldLeaveTheHost_becomesThePathAlone() {
    fix.room(b -> b.pathPrefixes(List.of(PathPattern.prefix("/", RoomField.PATH_PREFIXES))));
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;

    assertThat(visit("//evil.example/checkout"))
        .isEqualTo(new Queue(GateOutcome.QUEUE, "/evil.example/checkout"));
    assertThat(visit("https://evil.example/checkout?x"))
        .isEqualTo(new Queue(GateOutcome.QUEUE, "/checkout"));
  }

  @Test
  void validSession_passesWithoutAStoreCall_andHandsTheOriginTheAdmissionToken() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.sessions.down = true; // a store call would now fail

    Pass pass = (Pass) visit("/checkout/pay", cookie);

    assertThat(pass.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(pass.cookie()).isEmpty();
    assertThat(pass.admissionToken()).contains("jwt-" + sessionOf(cookie).admissionId());
    assertThat(fix.sessions.attempts).hasSize(1);
  }

  @Test
  void
      sessionOlderThanTheRenewalShare_isIssuedAgainWithALaterIdleDeadline_andTheStoreLearnsLater() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.clock.advance(Duration.ofSeconds(24));
    assertThat(((Pass) visit("/checkout", cookie)).cookie()).as("not due before 25 s").isEmpty();
    fix.clock.advance(Duration.ofSeconds(1));

    Pass pass = (Pass) visit("/checkout", cookie);

    Session renewed = sessionOf(pass.cookie().orElseThrow());
    assertThat(renewed.idleDeadline()).isEqualTo(GateFixture.START.plusSeconds(125));
    assertThat(renewed.hardCap()).isEqualTo(sessionOf(cookie).hardCap());
    assertThat(fix.sessions.extended).isEmpty();
    fix.renewals.flush();
    assertThat(fix.sessions.extended)
        .containsExactly(Map.of(renewed.admissionId(), renewed.idleDeadline()));
  }

  @Test
  void renewal_neverMovesTheIdleDeadlinePastTheHardCap() {
    fix.room(b -> b.idleTimeout(Duration.ofSeconds(100)).hardCap(Duration.ofSeconds(150)));
    SessionCookie cookie = admittedCookie();
    fix.clock.advance(Duration.ofSeconds(90));

    SessionCookie renewed = ((Pass) visit("/checkout", cookie)).cookie().orElseThrow();
    fix.clock.advance(Duration.ofSeconds(40));

    assertThat(sessionOf(renewed).idleDeadline()).isEqualTo(GateFixture.START.plusSeconds(150));
    assertThat(((Pass) visit("/checkout", renewed)).cookie())
        .as("capped already: nothing to renew")
        .isEmpty();
  }

  @Test
  void idleSession_isNoLongerValid() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;
    fix.clock.advance(Duration.ofSeconds(100));

    assertThat(visit("/checkout", cookie).outcome()).isEqualTo(GateOutcome.QUEUE);
  }

  @Test
  void sessionAtItsHardCap_isNoLongerValid_howeverOftenItWasRenewed() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.sessions.next = AtOnceResult.MAX_ACTIVE;
    for (int i = 0; i < 19; i++) {
      fix.clock.advance(Duration.ofSeconds(50));
      cookie = ((Pass) visit("/checkout", cookie)).cookie().orElse(cookie);
    }
    fix.clock.advance(Duration.ofSeconds(50));

    assertThat(visit("/checkout", cookie).outcome()).isEqualTo(GateOutcome.QUEUE);
  }

  @Test
  void forgedAndOtherRoomCookies_areRefused() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    Room other =
        Room.builder(new RoomId("other"), HostPattern.parse(HOST), EVENT)
            .pathPrefixes(List.of(PathPattern.prefix("/tickets", RoomField.PATH_PREFIXES)))
            .build();
    fix.rooms.save(other);
    fix.catalog.put(other);
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;

    assertThat(visit("/checkout", new SessionCookie("qg_shop", "forged", Duration.ZERO)).outcome())
        .isEqualTo(GateOutcome.QUEUE);
    assertThat(
            visit("/tickets", new SessionCookie("qg_other", cookie.value(), Duration.ZERO))
                .outcome())
        .as("a shop session under the other room's name")
        .isEqualTo(GateOutcome.QUEUE);
  }

  @Test
  void revokedSession_isRefusedAtOnceOnThisInstance_andAfterAPollOnOthers() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;

    GateFixture other = new GateFixture();
    fix.keeper.end(EVENT, sessionOf(cookie).admissionId(), fix.clock.instant());

    assertThat(visit("/checkout", cookie).outcome()).isEqualTo(GateOutcome.QUEUE);
    assertThat(other.revocations.isRevoked(EVENT, sessionOf(cookie).admissionId())).isFalse();
    fix.revocations.poll(List.of(EVENT), e -> Duration.ofSeconds(1000), fix.clock.instant());
    assertThat(fix.revocations.isRevoked(EVENT, sessionOf(cookie).admissionId())).isTrue();
  }

  @Test
  void completionPath_endsTheSession_removesTheCookie_andStillPasses() {
    fix.room(
        b ->
            b.completionPaths(
                List.of(PathPattern.prefix("/checkout/done", RoomField.COMPLETION_PATHS))));
    SessionCookie cookie = admittedCookie();

    Pass pass = (Pass) visit("/checkout/done?order=9", cookie);

    assertThat(pass.outcome()).isEqualTo(GateOutcome.COMPLETE);
    assertThat(pass.cookie()).contains(SessionCookie.removal("qg_shop"));
    assertThat(fix.sessions.ended).containsExactly(sessionOf(cookie).admissionId());
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;
    assertThat(visit("/checkout", cookie).outcome()).isEqualTo(GateOutcome.QUEUE);
  }

  @Test
  void bypassPath_passesEvenWhileTheLineIsLong() {
    fix.room(
        b -> b.bypass(List.of(PathPattern.bypass("*.css"), PathPattern.bypass("/checkout/hook"))));
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;

    assertThat(visit("/checkout/site.css").outcome()).isEqualTo(GateOutcome.BYPASS);
    assertThat(visit("/checkout/hook/stripe").outcome()).isEqualTo(GateOutcome.BYPASS);
    assertThat(visit("/checkout/hook/../pay").outcome()).isEqualTo(GateOutcome.QUEUE);
  }

  @Test
  void rejectRoom_refusesEverybody_sessionsIncluded() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.room(b -> b.mode(RoomMode.REJECT));

    assertThat(visit("/checkout", cookie))
        .isEqualTo(new Refuse(GateOutcome.REJECT, Duration.ofSeconds(60)));
    assertThat(visit("/checkout").outcome()).isEqualTo(GateOutcome.REJECT);
  }

  @Test
  void queueAllRoom_holdsNewcomersWithoutAsking_butKeepsSessionsValid() {
    fix.room();
    SessionCookie cookie = admittedCookie();
    fix.room(b -> b.mode(RoomMode.QUEUE_ALL));

    assertThat(visit("/checkout").outcome()).isEqualTo(GateOutcome.QUEUE);
    assertThat(visit("/checkout", cookie).outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(fix.sessions.attempts).hasSize(1);
  }

  @Test
  void passthroughRoom_letsEverybodyIn_countingEachAsAdmitted() {
    fix.room(b -> b.mode(RoomMode.PASSTHROUGH));
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;

    Pass pass = (Pass) visit("/checkout");

    assertThat(pass.outcome()).isEqualTo(GateOutcome.PASSTHROUGH);
    assertThat(pass.cookie()).isPresent();
    assertThat(fix.sessions.attempts.get(0).counted()).isTrue();
  }

  @Test
  void crawler_getsA503InsteadOfTheWaitingPage_butNothingForItsName() {
    fix.room();
    fix.sessions.next = AtOnceResult.LINE_NOT_EMPTY;

    GateDecision decision = gate.check(request("/checkout", Map.of(), GOOGLEBOT));

    assertThat(decision).isEqualTo(new Refuse(GateOutcome.CRAWLER, Duration.ofSeconds(120)));
    fix.sessions.next = AtOnceResult.ADMITTED;
    assertThat(gate.check(request("/checkout", Map.of(), GOOGLEBOT)).outcome())
        .as("with room to spare it is admitted like anybody, no more")
        .isEqualTo(GateOutcome.ADMIT);
  }

  @Test
  void storeOutage_sendsNewcomersToTheWaitingPage_byDefault() {
    fix.room();
    fix.sessions.down = true;

    assertThat(visit("/checkout")).isEqualTo(new Queue(GateOutcome.OUTAGE_QUEUE, "/checkout"));
  }

  @Test
  void storeOutage_letsNewcomersThrough_whenTheRoomSaysSo() {
    fix.room(b -> b.storeOutage(OutagePolicy.LET_THROUGH));
    fix.sessions.down = true;

    assertThat(visit("/checkout")).isEqualTo(Pass.plain(GateOutcome.OUTAGE_PASS));
  }

  @Test
  void mostSpecificRoom_decides() {
    fix.room();
    Room pay =
        Room.builder(
                new RoomId("pay"),
                HostPattern.parse(HOST),
                new io.queuegate.domain.model.EventId("pay"))
            .pathPrefixes(List.of(PathPattern.prefix("/checkout/pay", RoomField.PATH_PREFIXES)))
            .mode(RoomMode.REJECT)
            .build();
    Room wildcard =
        Room.builder(new RoomId("all"), HostPattern.parse("*.example"), EVENT)
            .pathPrefixes(List.of(PathPattern.prefix("/checkout/pay/now", RoomField.PATH_PREFIXES)))
            .build();
    fix.catalog.put(pay);
    fix.catalog.put(wildcard);

    assertThat(visit("/checkout/pay/now").outcome()).isEqualTo(GateOutcome.REJECT);
    assertThat(visit("/checkout/other").outcome()).isEqualTo(GateOutcome.ADMIT);
  }
}
