package io.queuegate.app;

import io.helidon.logging.common.LogConfig;
import java.time.Clock;

/** Starts queuegate: reads configuration, picks the store, wires and serves until SIGTERM. */
public final class Main {
  private static final System.Logger LOG = System.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    LogConfig.configureRuntime();
    AppSettings settings;
    try {
      settings = AppSettings.load(System.getenv());
    } catch (IllegalArgumentException e) {
      // A configuration mistake: the operator needs the one sentence that names it, not a trace.
      LOG.log(System.Logger.Level.ERROR, "queuegate cannot start: {0}", e.getMessage());
      System.exit(2);
      return;
    }
    RunningService service =
        QueueApplication.start(
            settings, metrics -> StoreFactory.create(settings, metrics), Clock.systemUTC());
    // Our own hook, so the order is: stop serving, finish requests, stop jobs, close the store.
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "queuegate-shutdown"));
    LOG.log(
        System.Logger.Level.INFO,
        "queuegate {0} listening on port {1} with the {2} store",
        settings.version().version(),
        String.valueOf(service.port()),
        settings.store().name().toLowerCase(java.util.Locale.ROOT));
  }
}
