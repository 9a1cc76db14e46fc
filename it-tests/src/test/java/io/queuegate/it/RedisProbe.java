package io.queuegate.it;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A bench's own connection to the Redis under test: flushes it between cases and reads, per phase,
 * the slow log (every command over 1 ms on the server, the probe's own left out) and the command
 * statistics (how many script calls ran and their mean time).
 */
final class RedisProbe implements AutoCloseable {
  private static final String SLOWER_THAN_MICROS = "1000";
  private static final long BOUND_MICROS = 50_000;
  private static final Set<String> OWN = Set.of("SLOWLOG", "CONFIG", "INFO", "FLUSHALL");

  private final String address;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private double cpuAtStart;

  RedisProbe(String address) {
    this.address = address;
    this.client = RedisClient.create("redis://" + address);
    this.connection = client.connect();
  }

  String address() {
    return address;
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /**
   * Renices the server process (this machine's own redis-server, started by the tests), so that the
   * slow log measures commands rather than their wait for a CPU on a busy machine.
   */
  void renice(int niceness) {
    String info = commands().info("server");
    String pid = info.replaceAll("(?s).*process_id:(\\d+).*", "$1");
    try {
      Process renice =
          new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", pid)
              .redirectErrorStream(true)
              .start();
      String out = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (renice.waitFor() != 0) {
        throw new IllegalStateException("renice failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void flush() {
    commands().flushall();
  }

  /** Starts a phase: an empty slow log that keeps every command over 1 ms, and fresh statistics. */
  void startPhase() {
    commands().configSet("slowlog-log-slower-than", SLOWER_THAN_MICROS);
    commands().configSet("slowlog-max-len", "10000");
    commands().slowlogReset();
    commands().configResetstat();
    cpuAtStart = cpuSeconds();
  }

  // The server process's CPU time (user + system) so far.
  private double cpuSeconds() {
    double total = 0;
    for (String line : commands().info("cpu").split("\r?\n")) {
      if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
        total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return total;
  }

  /**
   * The phase so far, in one cell: the longest command with its first key, how many took over 1 ms
   * and over 50 ms, and the script calls' count and mean.
   */
  String phase() {
    long longest = -1;
    String what = "";
    int overMs = 0;
    List<String> spikes = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Object> entries = new ArrayList<>(commands().slowlogGet(10_000));
    Collections.reverse(entries); // oldest first
    for (Object e : entries) {
      List<?> entry = (List<?>) e;
      List<?> args = (List<?>) entry.get(3);
      if (OWN.contains(String.valueOf(args.get(0)).toUpperCase(Locale.ROOT))) {
        continue;
      }
      long micros = (Long) entry.get(2);
      String described = describe(args);
      int nth = seen.merge(described, 1, Integer::sum);
      overMs++;
      if (micros > BOUND_MICROS) {
        // Which call of its kind it was tells where in the work it happened (the nth chunk).
        spikes.add(String.format("%.0f ms at the %dth %s", micros / 1000.0, nth, described));
      }
      if (micros > longest) {
        longest = micros;
        what = described;
      }
    }
    String scripts = scriptStats();
    if (longest < 0) {
      return "none over 1 ms; " + scripts;
    }
    return String.format(
        "max %.1f ms (%s); %d over 1 ms, %d over 50 ms%s; %s",
        longest / 1000.0,
        what,
        overMs,
        spikes.size(),
        spikes.isEmpty()
            ? ""
            : " (" + String.join(", ", spikes) + ", counted among calls over 1 ms)",
        scripts);
  }

  // cmdstat_evalsha:calls=500,usec=4000000,usec_per_call=8000.00,... The commands' time is wall
  // time on the server; the process's CPU time beside it shows how much of that was waiting for a
  // CPU.
  private String scriptStats() {
    double cpu = cpuSeconds() - cpuAtStart;
    for (String line : commands().info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_evalsha:")) {
        String calls = field(line, "calls");
        double usec = Double.parseDouble(field(line, "usec"));
        return String.format(
            "EVALSHA %s calls, mean %.2f ms, %.1f s in all; Redis CPU %.1f s",
            calls, usec / Long.parseLong(calls) / 1000.0, usec / 1e6, cpu);
      }
    }
    return String.format("no EVALSHA; Redis CPU %.1f s", cpu);
  }

  private static String field(String line, String name) {
    for (String part : line.substring(line.indexOf(':') + 1).split(",")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return "?";
  }

  // EVALSHA's arguments are the sha, the key count and the keys: the first key names the script's
  // subject (the pre-queue, the line).
  private static String describe(List<?> args) {
    String command = String.valueOf(args.get(0));
    if (command.equalsIgnoreCase("EVALSHA") && args.size() > 3) {
      String key = String.valueOf(args.get(3));
      return "EVALSHA on `" + key.substring(key.indexOf('}') + 1) + "`";
    }
    return command;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
