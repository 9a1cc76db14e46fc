package io.queuegate.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A part of a site the gate protects: requests to {@code host} under one of {@code pathPrefixes}
 * (except {@code bypass}) wait in the line of {@code eventId} as {@code mode} says. An admitted
 * visitor holds a session that ends after {@code idleTimeout} without requests, at {@code hardCap}
 * after admission, or on a request to one of {@code completionPaths}. Build one with {@link
 * #builder}.
 */
public record Room(
    RoomId id,
    HostPattern host,
    List<PathPattern> pathPrefixes,
    List<PathPattern> bypass,
    EventId eventId,
    RoomMode mode,
    OutagePolicy storeOutage,
    Duration idleTimeout,
    Duration hardCap,
    List<PathPattern> completionPaths) {

  /** Idle timeout and hard cap of a room that does not name them. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

  public static final Duration DEFAULT_HARD_CAP = Duration.ofHours(1);

  /** The longest a session can live, and so how long a revocation must be remembered. */
  public static final Duration MAX_DURATION = Duration.ofDays(1);

  private static final int MAX_PREFIXES = 32;
  private static final int MAX_BYPASS = 64;
  private static final int MAX_COMPLETION_PATHS = 16;
  private static final String COOKIE_PREFIX = "qg_";

  public Room {
    Objects.requireNonNull(id);
    Objects.requireNonNull(host);
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(mode);
    Objects.requireNonNull(storeOutage);
    pathPrefixes = List.copyOf(pathPrefixes);
    bypass = List.copyOf(bypass);
    completionPaths = List.copyOf(completionPaths);
    check(
        !pathPrefixes.isEmpty() && pathPrefixes.size() <= MAX_PREFIXES,
        RoomField.PATH_PREFIXES,
        "must hold 1 to " + MAX_PREFIXES + " paths");
    check(bypass.size() <= MAX_BYPASS, RoomField.BYPASS, "must hold at most " + MAX_BYPASS);
    check(
        completionPaths.size() <= MAX_COMPLETION_PATHS,
        RoomField.COMPLETION_PATHS,
        "must hold at most " + MAX_COMPLETION_PATHS);
    check(inRange(idleTimeout), RoomField.IDLE_TIMEOUT, "must be 1 to 86400 seconds");
    check(inRange(hardCap), RoomField.HARD_CAP, "must be 1 to 86400 seconds");
    check(
        idleTimeout.compareTo(hardCap) <= 0,
        RoomField.IDLE_TIMEOUT,
        "must not be longer than the hard cap");
  }

  /** A builder with the defaults: mode queue, waiting page on outage, 10 min idle, 1 h cap. */
  public static Builder builder(RoomId id, HostPattern host, EventId eventId) {
    return new Builder(id, host, eventId);
  }

  /** The name of the room's session cookie. */
  public String cookieName() {
    return COOKIE_PREFIX + id.value();
  }

  /** The length of the longest prefix of this room covering {@code path}, or -1 for none. */
  public int coverage(RequestPath path) {
    int best = -1;
    for (PathPattern prefix : pathPrefixes) {
      if (prefix.length() > best && prefix.matches(path, true)) {
        best = prefix.length();
      }
    }
    return best;
  }

  /** Whether a bypass rule lets {@code path} through; compared with case, as an origin would. */
  public boolean bypasses(RequestPath path) {
    for (PathPattern rule : bypass) {
      if (rule.matches(path, false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a request to {@code path} ends the visitor's session. */
  public boolean completes(RequestPath path) {
    for (PathPattern rule : completionPaths) {
      if (rule.matches(path, true)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inRange(Duration value) {
    return value != null
        && value.compareTo(Duration.ofSeconds(1)) >= 0
        && value.compareTo(MAX_DURATION) <= 0;
  }

  private static void check(boolean ok, RoomField field, String rule) {
    if (!ok) {
      throw new InvalidRoom(field, rule);
    }
  }

  /** Sets the optional parts of a room; {@link #build()} checks every rule. */
  public static final class Builder {
    private final RoomId id;
    private final HostPattern host;
    private final EventId eventId;
    private List<PathPattern> pathPrefixes = List.of();
    private List<PathPattern> bypass = List.of();
    private RoomMode mode = RoomMode.QUEUE;
    private OutagePolicy storeOutage = OutagePolicy.WAITING_PAGE;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration hardCap = DEFAULT_HARD_CAP;
    private List<PathPattern> completionPaths = List.of();

    private Builder(RoomId id, HostPattern host, EventId eventId) {
      this.id = id;
      this.host = host;
      this.eventId = eventId;
    }

    public Builder pathPrefixes(List<PathPattern> value) {
      pathPrefixes = value;
      return this;
    }

    public Builder bypass(List<PathPattern> value) {
      bypass = value;
      return this;
    }

    public Builder mode(RoomMode value) {
      mode = value;
      return this;
    }

    public Builder storeOutage(OutagePolicy value) {
      storeOutage = value;
      return this;
    }

    public Builder idleTimeout(Duration value) {
      idleTimeout = value;
      return this;
    }

    public Builder hardCap(Duration value) {
      hardCap = value;
      return this;
    }

    public Builder completionPaths(List<PathPattern> value) {
      completionPaths = value;
      return this;
    }

    /**
     * @throws InvalidRoom when a value breaks a rule
     */
    public Room build() {
      return new Room(
          id,
          host,
          pathPrefixes,
          bypass,
          eventId,
          mode,
          storeOutage,
          idleTimeout,
          hardCap,
          completionPaths);
    }
  }
}
