package io.queuegate.domain.model;

/** How a position was found; the label of {@code queue_position_calculation_total{method}}. */
public enum PositionMethod {
  POSITION_INDEX("position_index"),
  SCAN_FALLBACK("scan_fallback"),
  LEGACY_ZSET("legacy_zset");

  private final String label;

  PositionMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
