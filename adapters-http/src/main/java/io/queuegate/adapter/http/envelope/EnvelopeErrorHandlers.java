package io.queuegate.adapter.http.envelope;

import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.StoreUnavailableException;
import java.lang.System.Logger.Level;

/**
 * Turns every failure during routing into the error envelope: domain failures through {@link
 * QueueErrorMapper}, the adapter's own {@link HttpError}s, Helidon's {@link HttpException}s (404,
 * 413, bad requests) by status, and anything else into a generic 500 that is logged, never shown.
 */
public final class EnvelopeErrorHandlers {
  private static final System.Logger LOGGER =
      System.getLogger(EnvelopeErrorHandlers.class.getName());
  // One process-wide log of store failures: during an outage every request fails this way.
  private static final StoreFailureLog STORE_FAILURES = new StoreFailureLog();

  private EnvelopeErrorHandlers() {}

  public static void register(HttpRouting.Builder routing) {
    routing
        .error(QueueException.class, EnvelopeErrorHandlers::domain)
        .error(HttpError.class, (req, res, e) -> ErrorResponses.send(req, res, e.reply()))
        .error(HttpException.class, EnvelopeErrorHandlers::helidon)
        .error(Throwable.class, EnvelopeErrorHandlers::unexpected);
  }

  private static void domain(ServerRequest req, ServerResponse res, QueueException e) {
    if (e instanceof StoreUnavailableException) {
      // No stack trace, and at most one line per interval: during an outage every request fails
      // this way, and a line per request (thousands a second) slows the answers themselves.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      STORE_FAILURES
          .lineFor(
              TraceId.of(req).value(), cause.getClass().getSimpleName() + ": " + cause.getMessage())
          .ifPresent(line -> LOGGER.log(Level.WARNING, line));
    }
    ErrorResponses.send(req, res, QueueErrorMapper.map(e));
  }

  private static void helidon(ServerRequest req, ServerResponse res, HttpException e) {
    int status = e.status().code();
    if (status >= 500) {
      unexpected(req, res, e);
      return;
    }
    ErrorResponses.send(req, res, StatusErrors.forStatus(status));
  }

  private static void unexpected(ServerRequest req, ServerResponse res, Throwable e) {
    String traceId = TraceId.of(req).value();
    LOGGER.log(Level.ERROR, "unhandled error, trace_id=" + traceId, e);
    ErrorResponses.send(req, res, StatusErrors.forStatus(500));
  }
}
