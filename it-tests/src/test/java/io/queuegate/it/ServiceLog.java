package io.queuegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the in-process service's log to a file for the length of a drill, as a production log
 * pipeline with a fast reader would take it, and puts the usual handlers back afterwards. The
 * service still formats and writes every line; what goes away is the test harness's own cost: the
 * forked test JVM's standard error is a pipe into the (busy) Maven process, and at thousands of
 * warnings a second the service's threads waited on that pipe rather than on anything of theirs.
 */
final class ServiceLog implements AutoCloseable {
  private final Logger root = LogManager.getLogManager().getLogger("");
  private final List<Handler> usual;
  private final FileHandler file;
  private final Path path;
  private final LongAdder records = new LongAdder();

  private ServiceLog(String name) {
    this.usual = List.of(root.getHandlers());
    String dir = System.getProperty("drill.reports", System.getProperty("java.io.tmpdir"));
    try {
      Files.createDirectories(Path.of(dir));
      this.path = Path.of(dir, name + ".log");
      this.file = new FileHandler(path.toString(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file.setFormatter(new SimpleFormatter());
    file.setFilter(
        record -> {
          records.increment();
          return true;
        });
    usual.forEach(root::removeHandler);
    root.addHandler(file);
  }

  /** The service's log goes to {@code <drill reports>/<name>.log} until {@link #close()}. */
  static ServiceLog toFile(String name) {
    return new ServiceLog(name);
  }

  Path path() {
    return path;
  }

  /** Records written so far. */
  long records() {
    return records.sum();
  }

  @Override
  public void close() {
    root.removeHandler(file);
    file.close();
    usual.forEach(root::addHandler);
  }
}
