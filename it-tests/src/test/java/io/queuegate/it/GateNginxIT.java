package io.queuegate.it;

/** The gate behind Debian's nginx, configured as deploy/nginx/shop.conf says. */
class GateNginxIT extends GateProxySuite {
  @Override
  ProxyProcess startProxy(int queuegatePort, int originPort) {
    return GateProxies.nginx(queuegatePort, originPort);
  }
}
