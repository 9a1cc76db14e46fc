package io.queuegate.adapter.http.shuffle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ShuffleKey;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleView;
import java.time.Instant;

/**
 * An event's shuffle as published (docs/fairness.md#check): what is unknown yet is left out, so a
 * field appears exactly when it is fixed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShuffleResponse(
    String eventId,
    String preQueueStartsAt,
    String opensAt,
    String phase,
    String commitment,
    String publicValueSource,
    String publicValue,
    String seed,
    String effectiveKey,
    String openedAt,
    Long preQueueEntrants,
    String order) {

  /** How the order is made, in one line; the full text with an example is in docs/fairness.md. */
  static final String ORDER =
      "key = HMAC-SHA256(seed, UTF-8 public value or empty); sort entrants by the first 13 hex"
          + " digits of HMAC-SHA256(key, entrant id), then by entrant id";

  public static ShuffleResponse from(ShuffleView view) {
    SaleSchedule schedule = view.schedule();
    return new ShuffleResponse(
        view.eventId().value(),
        schedule.preQueueStartsAt().toString(),
        schedule.opensAt().toString(),
        view.openedAt().isPresent() ? "open" : "pre_queue",
        view.commitment(),
        schedule.publicValueSource().orElse(null),
        view.publicValue().orElse(null),
        view.seed().map(ShuffleSeed::hex).orElse(null),
        view.key().map(ShuffleKey::hex).orElse(null),
        view.openedAt().map(Instant::toString).orElse(null),
        view.openedAt().isPresent() ? view.entrants() : null,
        ORDER);
  }
}
