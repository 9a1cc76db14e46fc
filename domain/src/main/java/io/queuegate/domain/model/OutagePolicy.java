package io.queuegate.domain.model;

import java.util.Locale;

/**
 * What a room does with a visitor who needs the store while it is unreachable: {@link
 * #WAITING_PAGE} sends them to the waiting page, which retries until the store is back; {@link
 * #LET_THROUGH} lets them in without a session. Visitors with a valid session pass either way.
 */
public enum OutagePolicy {
  LET_THROUGH,
  WAITING_PAGE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws InvalidRoom for a name that is not a policy
   */
  public static OutagePolicy parse(String raw) {
    for (OutagePolicy policy : values()) {
      if (policy.wireName().equals(raw)) {
        return policy;
      }
    }
    throw new InvalidRoom(RoomField.STORE_OUTAGE, "must be let_through or waiting_page");
  }
}
