package io.queuegate.adapter.http.routing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The route templates of the HTTP contract. Metrics label requests with these templates (never the
 * raw path), so label cardinality stays bounded however many event ids or junk paths arrive.
 */
public final class Routes {
  public static final String QUEUE = "/api/v1/queue";
  public static final String JOIN = QUEUE + "/join";
  public static final String STATUS = QUEUE + "/status";
  public static final String ENTER = QUEUE + "/enter";
  public static final String LEAVE = QUEUE + "/leave";
  public static final String EVENTS = QUEUE + "/events";
  public static final String CHALLENGE = QUEUE + "/challenge";
  public static final String WAIT = "/wait/{event_id}";
  public static final String PAGE_SCRIPT = "/assets/waiting-page.js";
  public static final String PAGE_STYLE = "/assets/waiting-page.css";
  public static final String PAGE_WORKER = "/assets/pow-worker.js";
  public static final String VERIFY = "/api/v1/admission/verify";
  public static final String JWKS = "/.well-known/jwks.json";
  public static final String HEALTHZ = "/healthz";
  public static final String READYZ = "/readyz";
  public static final String VERSION = "/version";
  public static final String METRICS = "/metrics";
  public static final String OPENAPI = "/openapi";
  public static final String ADMIN_EVENTS = "/api/v1/admin/events";
  public static final String ADMIN_EVENT = ADMIN_EVENTS + "/{event_id}";
  public static final String ADMIN_PAUSE = ADMIN_EVENT + "/pause";
  public static final String ADMIN_RESUME = ADMIN_EVENT + "/resume";
  public static final String GATE_CHECK = "/gate/check";

  /** Envoy's ext_authz appends the original path to its path prefix, {@link #GATE_CHECK}. */
  public static final String GATE_CHECK_ENVOY = GATE_CHECK + "/*";

  public static final String GATE_WAIT = "/gate/wait";
  public static final String GATE_ENTER = "/gate/enter";
  public static final String COMPLETE = "/api/v1/admission/complete";
  public static final String ADMIN_ROOMS = "/api/v1/admin/rooms";
  public static final String ADMIN_ROOM = ADMIN_ROOMS + "/{room_id}";
  public static final String ADMIN_ROOM_SESSION = ADMIN_ROOM + "/sessions/{admission_id}";
  public static final String SHUFFLE = "/api/v1/events/{event_id}/shuffle";
  public static final String LOG = "/api/v1/events/{event_id}/log";
  public static final String ADMIN_PUBLIC_VALUE = ADMIN_EVENT + "/shuffle/public-value";
  public static final String UNMATCHED = "unmatched";

  private static final List<String> PUBLIC =
      List.of(
          JOIN,
          STATUS,
          ENTER,
          LEAVE,
          EVENTS,
          CHALLENGE,
          VERIFY,
          JWKS,
          HEALTHZ,
          READYZ,
          VERSION,
          METRICS,
          OPENAPI,
          WAIT,
          PAGE_SCRIPT,
          PAGE_STYLE,
          PAGE_WORKER,
          GATE_CHECK,
          GATE_WAIT,
          GATE_ENTER,
          COMPLETE,
          SHUFFLE,
          LOG);
  private static final List<String> ADMIN =
      List.of(
          ADMIN_EVENT,
          ADMIN_PAUSE,
          ADMIN_RESUME,
          ADMIN_ROOMS,
          ADMIN_ROOM,
          ADMIN_ROOM_SESSION,
          ADMIN_PUBLIC_VALUE);

  private final List<String[]> templates;
  // The templates without parameters that are their own template: most requests (status, the
  // health checks) are found here with one lookup instead of splitting the path.
  private final Map<String, String> literal;

  public Routes(boolean withAdmin) {
    List<String> all = withAdmin ? concat(PUBLIC, ADMIN) : PUBLIC;
    this.templates = all.stream().map(t -> t.split("/", -1)).toList();
    this.literal =
        all.stream()
            .filter(t -> !t.contains("{") && t.equals(matching(t)))
            .collect(Collectors.toUnmodifiableMap(t -> t, t -> t));
  }

  /** The template {@code path} belongs to, or {@value #UNMATCHED}. */
  public String templateOf(String path) {
    String template = literal.get(path);
    return template != null ? template : matching(path);
  }

  private String matching(String path) {
    if (path.startsWith(GATE_CHECK + "/")) {
      return GATE_CHECK_ENVOY;
    }
    String[] segments = path.split("/", -1);
    for (String[] template : templates) {
      if (matches(template, segments)) {
        return String.join("/", template);
      }
    }
    return UNMATCHED;
  }

  private static boolean matches(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean parameter = template[i].startsWith("{");
      if (parameter ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
