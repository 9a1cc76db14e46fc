package io.queuegate.domain.port.in;

import io.queuegate.domain.model.GateDecision;
import io.queuegate.domain.model.GateRequest;

/**
 * The gate's question from a proxy: may this request through? A request with a valid session costs
 * no store round trip.
 */
public interface CheckGateUseCase {

  GateDecision check(GateRequest request);
}
