package io.queuegate.adapter.http.shuffle;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.PathParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.ShuffleView;
import io.queuegate.domain.port.in.DescribeShuffleUseCase;
import java.time.Duration;

/**
 * {@code GET /api/v1/events/{event_id}/shuffle}, for anyone. Unlike the queue's answers it may be
 * cached: after the opening it never changes, and before it only the public value may appear, so a
 * cache keeps it for a few seconds and never past the opening.
 */
public final class ShuffleHttpService implements HttpService {
  static final long BEFORE_OPENING_MAX_AGE_SEC = 5;
  static final long AFTER_OPENING_MAX_AGE_SEC = 3_600;

  private final DescribeShuffleUseCase shuffles;

  public ShuffleHttpService(DescribeShuffleUseCase shuffles) {
    this.shuffles = shuffles;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.SHUFFLE, ((ReplyHandler) this::describe).toHelidon());
    AllowedMethods.only(rules, Routes.SHUFFLE, "GET");
  }

  private Reply describe(ServerRequest req) {
    ShuffleView view = shuffles.describe(PathParams.eventId(req));
    return Reply.json(200, ShuffleResponse.from(view))
        .withHeader("Cache-Control", cacheControl(view));
  }

  private static String cacheControl(ShuffleView view) {
    if (view.openedAt().isPresent()) {
      return "public, max-age=" + AFTER_OPENING_MAX_AGE_SEC;
    }
    long untilOpening = Duration.between(view.asOf(), view.schedule().opensAt()).toSeconds();
    long maxAge = Math.min(BEFORE_OPENING_MAX_AGE_SEC, untilOpening);
    return maxAge < 1 ? "no-cache" : "public, max-age=" + maxAge;
  }
}
