package io.queuegate.adapter.http.queue;

import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.queuegate.adapter.http.envelope.HttpError;
import io.queuegate.adapter.http.filter.CountedToken;
import io.queuegate.adapter.http.filter.TokenRateLimit;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.QueryParams;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimited;
import io.queuegate.domain.model.WaiterStatus;
import io.queuegate.domain.model.WaitingToken;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.push.Departures;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/queue/events?token=}: the waiter's status as Server-Sent Events. Failures
 * before the stream starts (missing or unknown token, too many streams) are ordinary enveloped
 * errors: 429 {@code RATE_LIMITED} when the token or its client network holds as many streams as it
 * may, 503 when the instance does. Helidon runs each request on a virtual thread, so an open stream
 * pins no platform thread.
 */
public final class QueueEventsHttpService implements HttpService {
  private final QueueStatusUseCase status;
  private final PushSettings settings;
  private final TokenRateLimit tokens;
  private final OpenStreams streams;
  private final StreamPacer pacer;
  private final Departures departures;
  private final DescribeStreamPaceUseCase paces;

  /**
   * A service whose streams wait on {@code departures} for the events this instance mirrors, paced
   * by {@code paces}, and check once per {@code settings.checkEvery()} for the others.
   */
  public QueueEventsHttpService(
      QueueStatusUseCase status,
      PushSettings settings,
      OpenStreamsGauge gauge,
      TokenRateLimit tokens,
      Departures departures,
      DescribeStreamPaceUseCase paces) {
    this.departures = Objects.requireNonNull(departures);
    this.paces = Objects.requireNonNull(paces);
    this.status = status;
    this.settings = settings;
    this.tokens = tokens;
    this.streams =
        new OpenStreams(
            settings.maxStreams(), settings.maxStreamsPerToken(), settings.maxStreamsPerClient());
    this.pacer = StreamPacer.SYSTEM;
    gauge.track(streams::count);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.EVENTS, this::events);
    AllowedMethods.only(rules, Routes.EVENTS, "GET");
  }

  private void events(ServerRequest req, ServerResponse res) {
    Optional<String> raw = QueryParams.first(req, "token");
    CountedToken counted = tokens.acquire(req, res, raw);
    String token = raw.orElseThrow(HttpError::missingToken);
    Optional<WaitingToken> parsed = WaitingToken.parse(token);
    LineWatch watch =
        new LineWatch(departures, paces, settings, pacer, parsed.map(WaitingToken::eventId));
    watch.beforeLook();
    // Status first, so that a waiter who is gone learns that rather than "busy".
    WaiterStatus first = counted.watching(() -> status.status(token));
    // Counted per waiter, not per spelling: the same waiter with and without its ETA stamp is one.
    String waiter = parsed.map(WaitingToken::encode).orElse(token);
    switch (streams.tryOpen(waiter, counted.client())) {
      case OPENED -> {}
      case TOKEN_FULL -> throw tooMany(settings.maxStreamsPerToken());
      case CLIENT_FULL -> throw tooMany(settings.maxStreamsPerClient());
      case INSTANCE_FULL -> throw HttpError.tooManyStreams(settings.retryAfter());
    }
    try {
      res.header(HeaderNames.CACHE_CONTROL, "no-store");
      // Proxies such as nginx would otherwise hold events back in their buffers.
      res.header("X-Accel-Buffering", "no");
      try (SseSink sink = res.sink(SseSink.TYPE)) {
        new StatusStream(status, settings, pacer, watch)
            .run(
                token,
                first,
                (name, json) -> sink.emit(SseEvent.builder().name(name).data(json).build()));
      }
    } finally {
      streams.closed(waiter, counted.client());
    }
  }

  /** A client's own limit: 429, with the limit it reached and when to try again. */
  private RateLimited tooMany(int limit) {
    return new RateLimited(
        new RateDecision(false, limit, 0, settings.retryAfter(), settings.retryAfter()));
  }
}
