package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.HostPattern;
import io.queuegate.domain.model.InvalidReturnUrl;
import io.queuegate.domain.model.ReturnUrl;
import io.queuegate.domain.model.Room;

/** Finds the room a return URL leads into, refusing URLs that no room on the page's host covers. */
final class RoomResolver {
  private RoomResolver() {}

  /** The checked return URL and its room. */
  record Target(ReturnUrl url, Room room) {}

  static Target resolve(RoomCatalog rooms, String returnUrl, String host) {
    ReturnUrl url = ReturnUrl.parse(returnUrl, host);
    Room room =
        rooms
            .match(HostPattern.normalize(url.host()), url.path())
            .orElseThrow(() -> new InvalidReturnUrl("no room of this host protects it"));
    return new Target(url, room);
  }
}
