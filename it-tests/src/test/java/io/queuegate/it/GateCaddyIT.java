package io.queuegate.it;

/** The gate behind Debian's Caddy, configured as deploy/caddy/Caddyfile says. */
class GateCaddyIT extends GateProxySuite {
  @Override
  ProxyProcess startProxy(int queuegatePort, int originPort) {
    return GateProxies.caddy(queuegatePort, originPort);
  }
}
