package io.queuegate.app;

import io.queuegate.adapter.http.gate.GateHttp;
import io.queuegate.adapter.http.gate.GateHttpSettings;
import io.queuegate.adapter.http.gate.GateUseCases;
import io.queuegate.adapter.jwt.JwtSessionTokenSigner;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import io.queuegate.domain.port.out.GateMetrics;
import io.queuegate.domain.port.out.GateStore;
import io.queuegate.domain.port.out.QueueMetrics;
import io.queuegate.domain.port.out.QueueStore;
import io.queuegate.domain.service.HeartbeatCoalescer;
import io.queuegate.domain.service.PolicyCatalog;
import io.queuegate.domain.service.gate.CheckGateService;
import io.queuegate.domain.service.gate.CompleteAdmissionService;
import io.queuegate.domain.service.gate.ConfigureRoomService;
import io.queuegate.domain.service.gate.DeleteRoomService;
import io.queuegate.domain.service.gate.DescribeRoomService;
import io.queuegate.domain.service.gate.EnterGateService;
import io.queuegate.domain.service.gate.GateJobs;
import io.queuegate.domain.service.gate.ListRoomsService;
import io.queuegate.domain.service.gate.OpenLobbyService;
import io.queuegate.domain.service.gate.RevocationWatch;
import io.queuegate.domain.service.gate.RevokeSessionService;
import io.queuegate.domain.service.gate.RoomCatalog;
import io.queuegate.domain.service.gate.SessionKeeper;
import io.queuegate.domain.service.gate.SessionRenewals;
import java.time.Clock;

/** Builds the gate's services, its HTTP routes and its background jobs (docs/design.md#gate). */
final class GateWiring {
  private final GateHttp http;
  private final GateJobs jobs;

  GateWiring(
      GateConfig config,
      QueueStore stores,
      PolicyCatalog policies,
      HeartbeatCoalescer heartbeats,
      AdmissionTokenSigner admissionTokens,
      QueueMetrics queueMetrics,
      GateMetrics gateMetrics,
      Clock clock) {
    GateStore gate = stores.gate();
    RoomCatalog rooms = new RoomCatalog(gate.rooms(), config.seeds());
    RevocationWatch revocations = new RevocationWatch(gate.sessions());
    SessionRenewals renewals = new SessionRenewals(gate.sessions(), clock);
    SessionKeeper keeper =
        new SessionKeeper(
            admissionTokens,
            JwtSessionTokenSigner.from(config.sessionSecret()),
            gate.sessions(),
            revocations,
            rooms);
    GateUseCases useCases =
        new GateUseCases(
            new CheckGateService(
                rooms,
                keeper,
                renewals,
                gate.sessions(),
                policies,
                queueMetrics,
                gateMetrics,
                config.rules(),
                clock),
            new OpenLobbyService(rooms, keeper, policies, config.rules(), clock),
            new EnterGateService(
                rooms,
                keeper,
                stores.ledger(),
                policies,
                heartbeats,
                queueMetrics,
                config.rules(),
                clock),
            new CompleteAdmissionService(admissionTokens, keeper, clock),
            new RevokeSessionService(gate.rooms(), keeper, clock),
            new ConfigureRoomService(gate.rooms(), rooms),
            new DescribeRoomService(gate.rooms()),
            new ListRoomsService(gate.rooms()),
            new DeleteRoomService(gate.rooms(), rooms, gateMetrics));
    this.http =
        new GateHttp(useCases, new GateHttpSettings(config.publicPath(), config.secureCookies()));
    this.jobs =
        new GateJobs(
            rooms,
            revocations,
            renewals,
            stores.line(),
            gateMetrics,
            config.rules().refreshInterval(),
            clock);
  }

  GateHttp http() {
    return http;
  }

  GateJobs jobs() {
    return jobs;
  }
}
