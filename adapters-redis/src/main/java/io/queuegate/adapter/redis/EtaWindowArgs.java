package io.queuegate.adapter.redis;

import io.queuegate.domain.model.AdmissionWindows;
import java.util.List;

/**
 * The ETA's window lengths as the scripts take them in ARGV, in ms, from the domain's {@link
 * AdmissionWindows#SPANS}: recent.lua counts over each, admit.lua keeps admission times for the
 * longest. No script holds a window length of its own.
 */
final class EtaWindowArgs {
  /** Every window, shortest first (recent.lua). */
  static final List<String> SPANS_MILLIS =
      AdmissionWindows.SPANS.stream().map(span -> Long.toString(span.toMillis())).toList();

  /** The longest window (admit.lua). */
  static final String LONGEST_MILLIS = Long.toString(AdmissionWindows.LONGEST.toMillis());

  private EtaWindowArgs() {}
}
