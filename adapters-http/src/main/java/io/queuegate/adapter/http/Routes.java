package io.queuegate.adapter.http;

import java.util.List;

/**
 * The route templates of the HTTP contract. Metrics label requests with these templates (never the
 * raw path), so label cardinality stays bounded however many event ids or junk paths arrive.
 */
final class Routes {
  static final String QUEUE = "/api/v1/queue";
  static final String JOIN = QUEUE + "/join";
  static final String STATUS = QUEUE + "/status";
  static final String ENTER = QUEUE + "/enter";
  static final String LEAVE = QUEUE + "/leave";
  static final String EVENTS = QUEUE + "/events";
  static final String WAIT = "/wait/{event_id}";
  static final String PAGE_SCRIPT = "/assets/waiting-page.js";
  static final String PAGE_STYLE = "/assets/waiting-page.css";
  static final String VERIFY = "/api/v1/admission/verify";
  static final String JWKS = "/.well-known/jwks.json";
  static final String HEALTHZ = "/healthz";
  static final String READYZ = "/readyz";
  static final String VERSION = "/version";
  static final String METRICS = "/metrics";
  static final String OPENAPI = "/openapi";
  static final String ADMIN_EVENTS = "/api/v1/admin/events";
  static final String ADMIN_EVENT = ADMIN_EVENTS + "/{event_id}";
  static final String ADMIN_PAUSE = ADMIN_EVENT + "/pause";
  static final String ADMIN_RESUME = ADMIN_EVENT + "/resume";
  static final String UNMATCHED = "unmatched";

  private static final List<String> PUBLIC =
      List.of(
          JOIN,
          STATUS,
          ENTER,
          LEAVE,
          EVENTS,
          VERIFY,
          JWKS,
          HEALTHZ,
          READYZ,
          VERSION,
          METRICS,
          OPENAPI,
          WAIT,
          PAGE_SCRIPT,
          PAGE_STYLE);
  private static final List<String> ADMIN = List.of(ADMIN_EVENT, ADMIN_PAUSE, ADMIN_RESUME);

  private final List<String[]> templates;

  Routes(boolean withAdmin) {
    List<String> all = withAdmin ? concat(PUBLIC, ADMIN) : PUBLIC;
    this.templates = all.stream().map(t -> t.split("/", -1)).toList();
  }

  /** The template {@code path} belongs to, or {@value #UNMATCHED}. */
  String templateOf(String path) {
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
