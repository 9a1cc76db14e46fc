package io.queuegate.it;

import io.queuegate.it.Api.Reply;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One status answer as a test saw it: whose, through which instance, what it said, where its
 * position came from ({@code X-Position-Source}) and when it was asked and answered (epoch ms).
 */
record StatusAnswer(
    String event,
    long seq,
    int instance,
    int status,
    long position,
    boolean ready,
    String source,
    boolean retryAfter,
    long sentAtMs,
    long receivedAtMs) {
  private static final Pattern MIRROR = Pattern.compile("mirror; version=(\\d+)");

  /** Asks {@code api} (instance number {@code instance}) for the status of {@code token}. */
  static StatusAnswer ask(Api api, int instance, String event, long seq, String token) {
    long sent = System.currentTimeMillis();
    Reply r = api.status(token);
    return of(r, instance, event, seq, sent, System.currentTimeMillis());
  }

  /** {@code r} as an answer asked at {@code sent} and answered at {@code received} (epoch ms). */
  static StatusAnswer of(Reply r, int instance, String event, long seq, long sent, long received) {
    boolean ok = r.status() == 200 && r.body() != null;
    return new StatusAnswer(
        event,
        seq,
        instance,
        r.status(),
        ok ? r.body().path("position").asLong() : -1,
        ok && r.body().path("ready_for_entry").asBoolean(),
        r.raw().headers().firstValue("X-Position-Source").orElse(""),
        r.raw().headers().firstValue("Retry-After").isPresent(),
        sent,
        received);
  }

  /** The feed version a mirror answer was exact at; empty for the store's answers and errors. */
  OptionalLong mirrorVersion() {
    Matcher m = MIRROR.matcher(source);
    return status == 200 && m.matches()
        ? OptionalLong.of(Long.parseLong(m.group(1)))
        : OptionalLong.empty();
  }

  boolean fromMirror() {
    return mirrorVersion().isPresent();
  }
}
