package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One instance holds thousands of open status streams (one virtual thread each) with bounded
 * memory, and every stream hears about it when admissions move the line.
 */
class EventStreamCapacityIT {
  private static final int STREAMS = 2_000;
  private static final int AHEAD = 5;
  private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
  // Client and server share this JVM, so the heap figure covers both ends of every stream.
  private static final long MAX_HEAP_PER_STREAM = 128 * 1024;
  // Streams run on virtual threads: the platform thread count must not grow with them. Counted from
  // before they open: this JVM runs other tests first, whose threads are not this test's business.
  private static final int MAX_PLATFORM_THREADS_ADDED = 200;

  @Test
  void twoThousandOpenStreams_allHearTheLineMove_withBoundedHeap() throws Exception {
    try (ServiceHarness service = ServiceHarness.start(Map.of())) {
      String event = "sse-" + UUID.randomUUID().toString().substring(0, 8);
      List<String> ahead = new ArrayList<>();
      for (int i = 0; i < AHEAD; i++) {
        ahead.add(service.api.join(event).body().path("waiting_token").asText());
      }
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < STREAMS; i++) {
        tokens.add(service.api.join(event).body().path("waiting_token").asText());
      }
      long heapBefore = usedHeapAfterGc();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      long openStart = System.nanoTime();

      CountDownLatch started = new CountDownLatch(STREAMS);
      CountDownLatch moved = new CountDownLatch(STREAMS);
      // Opening a few hundred at a time keeps the server's accept backlog from overflowing.
      Semaphore opening = new Semaphore(200);
      HttpClient client = HttpClient.newHttpClient();
      List<Listener> listeners = new ArrayList<>();
      for (String token : tokens) {
        opening.acquire();
        Listener listener = new Listener(started, moved, opening);
        listeners.add(listener);
        client.sendAsync(
            HttpRequest.newBuilder(events(service.base(), token)).build(),
            HttpResponse.BodyHandlers.fromLineSubscriber(listener));
      }
      assertThat(started.await(120, TimeUnit.SECONDS))
          .as(
              "every stream got its first status (%d missing, %d failed: %s)",
              started.getCount(), Listener.FAILURES.get(), Listener.LAST_FAILURE.get())
          .isTrue();
      long openMillis = (System.nanoTime() - openStart) / 1_000_000;
      long heapOpen = usedHeapAfterGc();
      int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();

      for (String token : ahead) {
        assertThat(service.api.enter(token).status()).isEqualTo(200);
      }
      assertThat(moved.await(60, TimeUnit.SECONDS))
          .as("every stream heard the line move by %d (%d missing)", AHEAD, moved.getCount())
          .isTrue();

      long perStream = (heapOpen - heapBefore) / STREAMS;
      System.out.printf(
          "event streams: %d open on one instance (opened in %d ms); heap used %d MiB before,"
              + " %d MiB with them open (%d bytes per stream, client and server);"
              + " %d platform threads (%d before)%n",
          STREAMS,
          openMillis,
          heapBefore >> 20,
          heapOpen >> 20,
          perStream,
          platformThreads,
          threadsBefore);
      assertThat(perStream).isLessThan(MAX_HEAP_PER_STREAM);
      assertThat(platformThreads - threadsBefore)
          .as("platform threads added with %d streams open", STREAMS)
          .isLessThan(MAX_PLATFORM_THREADS_ADDED);

      // Deleting the event ends every stream at its next check, so the service stops promptly.
      assertThat(
              service
                  .api
                  .raw(
                      "DELETE",
                      "/api/v1/admin/events/" + event,
                      new byte[0],
                      "Authorization",
                      "Bearer " + ServiceHarness.ADMIN_TOKEN)
                  .status())
          .isEqualTo(200);
      listeners.forEach(Listener::cancel);
    }
  }

  private static URI events(URI base, String token) {
    return base.resolve("/api/v1/queue/events?token=" + Api.encode(token));
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Reads one stream's lines: the first position it hears, then whether it fell by AHEAD. */
  private static final class Listener implements Flow.Subscriber<String> {
    static final AtomicLong FAILURES = new AtomicLong();
    static final java.util.concurrent.atomic.AtomicReference<Throwable> LAST_FAILURE =
        new java.util.concurrent.atomic.AtomicReference<>();

    private final CountDownLatch started;
    private final CountDownLatch moved;
    private final Semaphore opening;
    private final AtomicLong first = new AtomicLong(-1);
    private volatile Flow.Subscription subscription;
    private volatile boolean hasMoved;

    Listener(CountDownLatch started, CountDownLatch moved, Semaphore opening) {
      this.started = started;
      this.moved = moved;
      this.opening = opening;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (!line.startsWith("data:")) {
        return;
      }
      Matcher m = POSITION.matcher(line);
      if (!m.find()) {
        return;
      }
      long position = Long.parseLong(m.group(1));
      if (first.compareAndSet(-1, position)) {
        started.countDown();
        opening.release();
      } else if (!hasMoved && position == first.get() - AHEAD) {
        hasMoved = true;
        moved.countDown();
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (first.get() < 0) {
        FAILURES.incrementAndGet();
        LAST_FAILURE.set(throwable);
        opening.release();
      }
    }

    @Override
    public void onComplete() {}

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
