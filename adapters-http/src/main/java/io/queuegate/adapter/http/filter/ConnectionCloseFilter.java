package io.queuegate.adapter.http.filter;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection after every answer that says {@code Connection: close}. Helidon writes the
 * header and then goes on reading the connection; after broken body framing or an oversized body it
 * has not consumed, the next bytes are the rest of that body, and serving them as a request of
 * their own would let a client smuggle requests past whatever sits in front of the service.
 */
public final class ConnectionCloseFilter implements Filter {
  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    chain.proceed();
    if (res.isSent() && res.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
      // Helidon ends the connection quietly on this exception, once the answer is written.
      throw new CloseConnectionException("answered with Connection: close");
    }
  }
}
