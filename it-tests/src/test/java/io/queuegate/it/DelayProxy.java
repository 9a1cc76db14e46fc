package io.queuegate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of one Redis that can add a fixed latency to everything Redis sends back.
 * Each chunk read from Redis is held until its own deadline (read time + delay), so the latency is
 * exactly the delay and not a queue of sleeps: throughput is unchanged, only answers arrive later.
 */
final class DelayProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile long delayNanos;
  private volatile boolean open = true;

  private DelayProxy(String target) {
    String[] hostPort = target.split(":");
    this.targetHost = hostPort[0];
    this.targetPort = Integer.parseInt(hostPort[1]);
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform().daemon().name("delay-proxy-accept").start(this::accept);
  }

  /** A proxy to {@code host:port}, with no delay yet. */
  static DelayProxy to(String target) {
    return new DelayProxy(target);
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  void delay(Duration delay) {
    this.delayNanos = delay.toNanos();
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        Thread.ofPlatform()
            .daemon()
            .name("delay-proxy-up")
            .start(() -> pump(client, upstream, false));
        Thread.ofPlatform()
            .daemon()
            .name("delay-proxy-down")
            .start(() -> pump(upstream, client, true));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** A chunk of bytes and when it may be forwarded. */
  private record Chunk(byte[] bytes, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueNanos, ((Chunk) other).dueNanos);
    }
  }

  private void pump(Socket from, Socket to, boolean delayed) {
    DelayQueue<Chunk> line = new DelayQueue<>();
    if (delayed) {
      Thread.ofPlatform().daemon().name("delay-proxy-forward").start(() -> forward(line, to));
    }
    byte[] buffer = new byte[16 * 1024];
    long lastDue = Long.MIN_VALUE;
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (delayed) {
          // Strictly after the previous chunk, even when the delay was just lowered.
          lastDue = Math.max(lastDue + 1, System.nanoTime() + delayNanos);
          line.put(new Chunk(Arrays.copyOf(buffer, n), lastDue));
        } else {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // a side closed: close both below
    }
    if (delayed) {
      // The end marker after every chunk: its deadline is the latest one.
      line.put(new Chunk(new byte[0], Math.max(lastDue + 1, System.nanoTime())));
    } else {
      closeQuietly(to);
    }
    closeQuietly(from);
  }

  // Chunks keep their order: deadlines never decrease along the stream.
  private void forward(DelayQueue<Chunk> line, Socket to) {
    try {
      OutputStream out = to.getOutputStream();
      while (true) {
        Chunk chunk = line.take();
        if (chunk.bytes().length == 0) {
          break;
        }
        out.write(chunk.bytes());
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // closed
    }
    closeQuietly(to);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    sockets.forEach(DelayProxy::closeQuietly);
  }
}
