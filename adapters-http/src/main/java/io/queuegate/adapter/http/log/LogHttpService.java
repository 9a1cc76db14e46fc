package io.queuegate.adapter.http.log;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.PathParams;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.port.in.ReadLogUseCase;
import java.util.Optional;

/**
 * {@code GET /api/v1/events/{event_id}/log?after=&limit=}, for anyone. Records are only appended,
 * so a full page never changes and caches keep it for a day; the last page grows and is kept for a
 * few seconds.
 */
public final class LogHttpService implements HttpService {
  static final long FULL_PAGE_MAX_AGE_SEC = 86_400;
  static final long LAST_PAGE_MAX_AGE_SEC = 2;

  private final ReadLogUseCase log;

  public LogHttpService(ReadLogUseCase log) {
    this.log = log;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.LOG, ((ReplyHandler) this::read).toHelidon());
    AllowedMethods.only(rules, Routes.LOG, "GET");
  }

  private Reply read(ServerRequest req) {
    long after = number(QueryParams.first(req, "after"), "after", 0, Long.MAX_VALUE, 0);
    int limit =
        (int)
            number(
                QueryParams.first(req, "limit"), "limit", 1, LogPage.MAX_LIMIT, LogPage.MAX_LIMIT);
    EventId eventId = PathParams.eventId(req);
    LogPage page = log.read(eventId, after, limit);
    long maxAge = page.full() ? FULL_PAGE_MAX_AGE_SEC : LAST_PAGE_MAX_AGE_SEC;
    return Reply.json(200, LogPageResponse.from(eventId, page))
        .withHeader("Cache-Control", "public, max-age=" + maxAge);
  }

  private static long number(Optional<String> raw, String name, long min, long max, long fallback) {
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, as any value out of range
    }
    throw HttpError.invalidRequest(name + " must be a whole number from " + min + " to " + max);
  }
}
