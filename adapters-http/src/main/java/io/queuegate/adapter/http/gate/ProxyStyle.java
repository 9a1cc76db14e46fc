package io.queuegate.adapter.http.gate;

/**
 * How a proxy reads the gate's answer. {@link #NGINX}: {@code auth_request} understands only 2xx,
 * 401 and 403, so the waiting page is a 401 with {@code X-Queuegate-Location} and a refusal a 403
 * with {@code Retry-After}, which the proxy's {@code error_page} turns into a redirect and a 503.
 * {@link #REDIRECT} (Caddy {@code forward_auth}, Traefik {@code ForwardAuth}) and {@link #ENVOY}
 * ({@code ext_authz}) hand any answer but a 2xx to the visitor as it is: a 302 to the waiting page,
 * a 503 with {@code Retry-After}. They differ in where the original request is described.
 */
enum ProxyStyle {
  NGINX,
  REDIRECT,
  ENVOY
}
