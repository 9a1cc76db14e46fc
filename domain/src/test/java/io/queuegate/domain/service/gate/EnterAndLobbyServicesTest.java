package io.queuegate.domain.service.gate;

import static io.queuegate.domain.service.gate.GateFixture.EVENT;
import static io.queuegate.domain.service.gate.GateFixture.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.Admission;
import io.queuegate.domain.model.AdmissionAttempt;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.GateEntry;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.InvalidReturnUrl;
import io.queuegate.domain.model.Lobby;
import io.queuegate.domain.model.NotReady;
import io.queuegate.domain.model.RoomClosed;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.model.RoomMode;
import io.queuegate.domain.model.RoomNotFound;
import io.queuegate.domain.model.Session;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaitingPage;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.WaitingLine;
import io.queuegate.domain.service.HeartbeatCoalescer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class EnterAndLobbyServicesTest {
  private final GateFixture fix = new GateFixture();
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final EnterGateService enter =
      new EnterGateService(
          fix.catalog,
          fix.keeper,
          ledger,
          fix.policyCatalog,
          new HeartbeatCoalescer(mock(WaitingLine.class), fix.clock),
          fix.queueMetrics,
          fix.settings,
          fix.clock);
  private final OpenLobbyService lobby =
      new OpenLobbyService(fix.catalog, fix.keeper, fix.policyCatalog, fix.settings, fix.clock);
  private final WaiterId waiter = WaiterId.random();
  private final String token = new WaitingToken(EVENT, waiter).encode();

  private void ledgerAdmits() {
    when(ledger.admit(any(), any()))
        .thenAnswer(
            call -> {
              AdmissionAttempt attempt = call.getArgument(0);
              Waiter w =
                  new Waiter(
                      EVENT,
                      waiter,
                      1,
                      Optional.empty(),
                      Optional.empty(),
                      GateFixture.START.minusSeconds(30));
              return new Admission(
                  attempt.admissionId(),
                  w,
                  GateFixture.START,
                  GateFixture.START.plus(attempt.ttl()));
            });
  }

  @Test
  void readyWaiter_entersWithASessionLivingUntilItsFirstIdleDeadline_andGoesBack() {
    fix.room();
    ledgerAdmits();

    GateEntry entry = enter.enter(token, "/checkout/pay?seat=4", HOST);

    ArgumentCaptor<AdmissionAttempt> attempt = ArgumentCaptor.forClass(AdmissionAttempt.class);
    verify(ledger).admit(attempt.capture(), any());
    assertThat(attempt.getValue().ttl()).isEqualTo(Duration.ofSeconds(100));
    assertThat(attempt.getValue().waiterId()).isEqualTo(waiter);
    assertThat(entry.redirect()).isEqualTo("/checkout/pay?seat=4");
    Session session = fix.cookies.issued.get(entry.cookie().value());
    assertThat(session.admissionId()).isEqualTo(attempt.getValue().admissionId());
    assertThat(session.hardCap()).isEqualTo(GateFixture.START.plusSeconds(1000));
    verify(fix.queueMetrics).admitted(EVENT, Duration.ofSeconds(30));
  }

  @Test
  void returnUrlToAnotherHostOrNoRoom_isRefusedBeforeAnyEnter() {
    fix.room();

    assertThatThrownBy(() -> enter.enter(token, "https://evil.example/checkout", HOST))
        .isInstanceOf(InvalidReturnUrl.class);
    assertThatThrownBy(() -> enter.enter(token, "/about", HOST))
        .isInstanceOf(InvalidReturnUrl.class);
    verifyNoInteractions(ledger);
  }

  @Test
  void tokenOfAnotherLine_isUnknownHere() {
    fix.room();
    String other = new WaitingToken(new EventId("other"), waiter).encode();

    assertThatThrownBy(() -> enter.enter(other, "/checkout", HOST))
        .isInstanceOf(WaiterNotFound.class);
  }

  @Test
  void queueAllRoom_keepsTheWaiterInLine_andAClosedRoomSaysSo() {
    fix.room(b -> b.mode(RoomMode.QUEUE_ALL));
    assertThatThrownBy(() -> enter.enter(token, "/checkout", HOST))
        .isInstanceOfSatisfying(
            NotReady.class,
            e -> assertThat(e.reason()).isEqualTo(NotReady.Reason.ADMISSION_PAUSED));

    fix.room(b -> b.mode(RoomMode.REJECT));
    assertThatThrownBy(() -> enter.enter(token, "/checkout", HOST)).isInstanceOf(RoomClosed.class);
    verifyNoInteractions(ledger);
  }

  @Test
  void lobby_showsTheRoomsLine_orSendsAValidSessionStraightBack() {
    fix.room();
    Lobby first = lobby.open("/checkout?x=1", HOST, Map.of());
    assertThat(first)
        .isEqualTo(
            new Lobby.Wait(
                fix.catalog.find(GateFixture.ROOM).orElseThrow(),
                WaitingPage.NONE,
                "/checkout?x=1"));

    ledgerAdmits();
    GateEntry entry = enter.enter(token, "/checkout", HOST);

    assertThat(lobby.open("/checkout?x=1", HOST, Map.of("qg_shop", entry.cookie().value())))
        .isEqualTo(new Lobby.Admitted("/checkout?x=1"));
  }

  @Test
  void lobbyOfAClosedRoom_isClosed_andOfAPassthroughRoom_sendsBack() {
    fix.room(b -> b.mode(RoomMode.REJECT));
    assertThat(lobby.open("/checkout", HOST, Map.of()))
        .isEqualTo(new Lobby.Closed(Duration.ofSeconds(60)));

    fix.room(b -> b.mode(RoomMode.PASSTHROUGH));
    assertThat(lobby.open("/checkout", HOST, Map.of())).isEqualTo(new Lobby.Admitted("/checkout"));
  }

  @Test
  void complete_endsTheAdmissionOfAValidToken() {
    fix.room();
    CompleteAdmissionService complete =
        new CompleteAdmissionService(fix.tokens, fix.keeper, fix.clock);
    when(fix.tokens.verify("jwt", GateFixture.START))
        .thenReturn(
            new AdmissionClaims(
                EVENT,
                "sub",
                Optional.empty(),
                "adm-1",
                GateFixture.START,
                GateFixture.START.plusSeconds(9)));
    when(fix.tokens.verify("bad", GateFixture.START)).thenThrow(new InvalidAdmissionToken("x"));

    complete.complete("jwt");

    assertThat(fix.sessions.ended).containsExactly("adm-1");
    assertThat(fix.revocations.isRevoked(EVENT, "adm-1")).isTrue();
    assertThatThrownBy(() -> complete.complete("bad")).isInstanceOf(InvalidAdmissionToken.class);
  }

  @Test
  void revoke_endsTheSessionInTheRoomsEvent_orNamesAMissingRoom() {
    fix.room();
    RevokeSessionService revoke = new RevokeSessionService(fix.rooms, fix.keeper, fix.clock);

    revoke.revoke(GateFixture.ROOM, "adm-2");

    assertThat(fix.sessions.ended).containsExactly("adm-2");
    assertThatThrownBy(() -> revoke.revoke(new RoomId("nope"), "adm-2"))
        .isInstanceOf(RoomNotFound.class);
  }
}
