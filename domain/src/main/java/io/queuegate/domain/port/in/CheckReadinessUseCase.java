package io.queuegate.domain.port.in;

/** Whether this instance can serve: its store answers within the readiness budget. */
public interface CheckReadinessUseCase {

  boolean ready();
}
