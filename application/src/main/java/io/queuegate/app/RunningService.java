package io.queuegate.app;

import io.helidon.webserver.WebServer;
import io.queuegate.domain.service.BackgroundJobs;
import io.queuegate.domain.service.LineMirrors;
import io.queuegate.domain.service.gate.GateJobs;

/** A started service: its port, and a close that stops it in a safe order. */
public final class RunningService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RunningService.class.getName());

  private final WebServer server;
  private final BackgroundJobs jobs;
  private final GateJobs gateJobs;
  private final AutoCloseable store;
  private final AutoCloseable outbound;
  private final LineMirrors mirrors;
  private boolean closed;

  RunningService(
      WebServer server,
      BackgroundJobs jobs,
      GateJobs gateJobs,
      AutoCloseable store,
      AutoCloseable outbound,
      LineMirrors mirrors) {
    this.server = server;
    this.jobs = jobs;
    this.gateJobs = gateJobs;
    this.store = store;
    this.outbound = outbound;
    this.mirrors = mirrors;
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /**
   * Stops accepting requests and lets those in flight finish (the server's grace period), then
   * stops the mirrors' followers and the reaper and flushes heartbeats and session renewals, then
   * closes the outbound clients (CAPTCHA) and the store.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.log(System.Logger.Level.INFO, "Stopping: no new requests; finishing those in flight");
    server.stop();
    mirrors.close();
    gateJobs.close();
    jobs.close();
    try {
      outbound.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "closing the outbound clients failed", e);
    }
    try {
      store.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "closing the store failed", e);
    }
    LOG.log(System.Logger.Level.INFO, "Stopped");
  }
}
