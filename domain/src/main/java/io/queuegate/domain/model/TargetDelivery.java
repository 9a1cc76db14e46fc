package io.queuegate.domain.model;

import java.util.Locale;

/** How the waiting page hands the admission token to the event's target URL. */
public enum TargetDelivery {
  /** A redirect to the target with the token as the {@code reservation_token} query parameter. */
  QUERY,
  /**
   * An automatically submitted form that POSTs the token as the field {@code reservation_token}.
   */
  FORM;

  /** The wire name: {@code query} or {@code form}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name; anything else is an {@link InvalidPolicy}. */
  public static TargetDelivery parse(String raw) {
    for (TargetDelivery delivery : values()) {
      if (delivery.wireName().equals(raw)) {
        return delivery;
      }
    }
    throw new InvalidPolicy(PolicyField.TARGET_DELIVERY, "must be query or form");
  }
}
