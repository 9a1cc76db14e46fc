package io.queuegate.adapter.http.gate;

import io.queuegate.domain.port.in.CheckGateUseCase;
import io.queuegate.domain.port.in.CompleteAdmissionUseCase;
import io.queuegate.domain.port.in.ConfigureRoomUseCase;
import io.queuegate.domain.port.in.DeleteRoomUseCase;
import io.queuegate.domain.port.in.DescribeRoomUseCase;
import io.queuegate.domain.port.in.EnterGateUseCase;
import io.queuegate.domain.port.in.ListRoomsUseCase;
import io.queuegate.domain.port.in.OpenLobbyUseCase;
import io.queuegate.domain.port.in.RevokeSessionUseCase;

/** Every use case of the gate the HTTP adapter calls, handed over by the composition root. */
public record GateUseCases(
    CheckGateUseCase check,
    OpenLobbyUseCase lobby,
    EnterGateUseCase enter,
    CompleteAdmissionUseCase complete,
    RevokeSessionUseCase revoke,
    ConfigureRoomUseCase configureRoom,
    DescribeRoomUseCase describeRoom,
    ListRoomsUseCase listRooms,
    DeleteRoomUseCase deleteRoom) {}
