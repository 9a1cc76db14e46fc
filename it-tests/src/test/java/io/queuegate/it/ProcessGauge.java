package io.queuegate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and live heap of a service running in a JVM of its own: the CPU time from the operating
 * system, the heap from {@code jcmd} after a full collection, so the bench's own client is not in
 * either figure.
 */
record ProcessGauge(long pid) {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  /** User and system CPU time of the process so far. */
  Duration cpu() {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
  }

  /** Heap in use after a full collection, in bytes. */
  long heapAfterGc() {
    jcmd("GC.run");
    Matcher used = USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("no heap figure from jcmd for process " + pid);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("jcmd " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
