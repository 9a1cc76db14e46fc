package io.queuegate.adapter.http.admin;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.PathParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.RequestBody;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.adapter.http.routing.StateResponse;
import io.queuegate.domain.model.RoomId;
import io.queuegate.domain.port.in.ConfigureRoomUseCase;
import io.queuegate.domain.port.in.DeleteRoomUseCase;
import io.queuegate.domain.port.in.DescribeRoomUseCase;
import io.queuegate.domain.port.in.ListRoomsUseCase;
import io.queuegate.domain.port.in.RevokeSessionUseCase;

/**
 * The operator API for the gate's rooms (docs/design.md#operator-api): list, get, put (replace),
 * delete, and revoke one session; behind the same operator token as the rest of it.
 */
public final class RoomAdminHttpService implements HttpService {
  private static final int MAX_ADMISSION_ID = 128;

  private final ConfigureRoomUseCase configure;
  private final DescribeRoomUseCase describe;
  private final ListRoomsUseCase list;
  private final DeleteRoomUseCase delete;
  private final RevokeSessionUseCase revoke;
  private final AdminToken adminToken;
  private final int maxBodyBytes;

  public RoomAdminHttpService(
      ConfigureRoomUseCase configure,
      DescribeRoomUseCase describe,
      ListRoomsUseCase list,
      DeleteRoomUseCase delete,
      RevokeSessionUseCase revoke,
      String adminToken,
      int maxBodyBytes) {
    this.configure = configure;
    this.describe = describe;
    this.list = list;
    this.delete = delete;
    this.revoke = revoke;
    this.adminToken = new AdminToken(adminToken);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.ADMIN_ROOMS, guarded(this::list));
    AllowedMethods.only(rules, Routes.ADMIN_ROOMS, "GET");
    rules.put(Routes.ADMIN_ROOM, guarded(this::configure));
    rules.get(Routes.ADMIN_ROOM, guarded(this::describe));
    rules.delete(Routes.ADMIN_ROOM, guarded(this::delete));
    AllowedMethods.only(rules, Routes.ADMIN_ROOM, "GET", "PUT", "DELETE");
    rules.delete(Routes.ADMIN_ROOM_SESSION, guarded(this::revoke));
    AllowedMethods.only(rules, Routes.ADMIN_ROOM_SESSION, "DELETE");
  }

  private Handler guarded(ReplyHandler handler) {
    ReplyHandler checked =
        req -> {
          adminToken.require(req);
          return handler.handle(req);
        };
    return checked.toHelidon();
  }

  private Reply list(ServerRequest req) {
    return Reply.json(
        200, new RoomsResponse(list.list().stream().map(RoomResponse::from).toList()));
  }

  private Reply configure(ServerRequest req) {
    RoomId id = roomId(req);
    RoomRequest body = Json.readObject(RequestBody.read(req, maxBodyBytes), RoomRequest.class);
    return Reply.json(200, RoomResponse.from(configure.configure(body.toRoom(id))));
  }

  private Reply describe(ServerRequest req) {
    return Reply.json(200, RoomResponse.from(describe.describe(roomId(req))));
  }

  private Reply delete(ServerRequest req) {
    delete.delete(roomId(req));
    return Reply.json(200, new StateResponse("deleted"));
  }

  private Reply revoke(ServerRequest req) {
    RoomId id = roomId(req);
    String admissionId = PathParams.first(req, "admission_id").orElse(null);
    if (admissionId == null
        || admissionId.isEmpty()
        || admissionId.length() > MAX_ADMISSION_ID
        || !admissionId.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw HttpError.invalidRequest("admission_id must be 1 to 128 visible ASCII characters");
    }
    revoke.revoke(id, admissionId);
    return Reply.json(200, new StateResponse("revoked"));
  }

  private static RoomId roomId(ServerRequest req) {
    return new RoomId(PathParams.first(req, "room_id").orElse(null));
  }
}
