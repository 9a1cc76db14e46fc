package io.queuegate.domain.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.mirror.LineChange.Joined;
import io.queuegate.domain.mirror.LineChange.JoinedPreQueue;
import io.queuegate.domain.mirror.LineChange.Left;
import io.queuegate.domain.mirror.LineChange.Opened;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One writer applies a scripted sale while readers ask for positions. The script was first applied
 * to a reference mirror on one thread, recording every probe's answer after every batch; each
 * concurrent answer must be exactly the reference's answer at the version it came with, so a torn
 * count (one no version had) fails, and so does a version that goes back for one reader.
 */
class LineMirrorConcurrencyTest {
  private static final int READERS = 3;
  private static final int MIN_READS_PER_READER = 20_000;

  @Test
  void readersDuringWrites_seeOnlyPositionsSomeVersionHad() throws InterruptedException {
    Random random = new Random(15);
    List<List<LineChange>> script = script(random);
    List<Place> probes = new ArrayList<>();
    for (long seq = 400; seq < 60_000; seq += 97) {
      probes.add(Place.line(seq));
    }
    long[][] expected = new long[script.size() + 1][probes.size()];
    LineMirror reference = LineMirror.sized(64, 256);
    for (int p = 0; p < probes.size(); p++) {
      expected[0][p] = reference.waitingAhead(probes.get(p));
    }
    for (int v = 1; v <= script.size(); v++) {
      reference.apply(script.get(v - 1), v);
      for (int p = 0; p < probes.size(); p++) {
        expected[v][p] = reference.waitingAhead(probes.get(p));
      }
    }

    LineMirror mirror = LineMirror.sized(64, 256);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch readersDone = new CountDownLatch(READERS);
    AtomicBoolean writerDone = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong midWriteReads = new AtomicLong();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    for (int r = 0; r < READERS; r++) {
      long readerSeed = r;
      Thread.ofPlatform()
          .start(
              () -> {
                Random pick = new Random(readerSeed);
                long lastVersion = 0;
                try {
                  start.await();
                  for (int n = 0; n < MIN_READS_PER_READER || !writerDone.get(); n++) {
                    int p = pick.nextInt(probes.size());
                    boolean during = !writerDone.get();
                    MirrorStanding seen = mirror.standing(probes.get(p));
                    long answer = seen.waiting() ? seen.ahead() : -1;
                    int v = (int) seen.version();
                    if (answer != expected[v][p]) {
                      failures.add(
                          probes.get(p) + " at v" + v + ": " + answer + " not " + expected[v][p]);
                    }
                    if (v < lastVersion) {
                      failures.add("version went back from " + lastVersion + " to " + v);
                    }
                    lastVersion = v;
                    reads.incrementAndGet();
                    if (during && v > 0 && v < script.size()) {
                      midWriteReads.incrementAndGet();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  readersDone.countDown();
                }
              });
    }
    start.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int v = 1; v <= script.size(); v++) {
      mirror.apply(script.get(v - 1), v);
      // Now and then the writer lets the readers catch up, so that some reads fall between two
      // batches however the threads are scheduled (a loaded machine may run the writer alone).
      if (v % 100 == 1) {
        long before = reads.get();
        while (reads.get() < before + READERS && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      }
    }
    writerDone.set(true);
    assertThat(readersDone.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(failures).isEmpty();
    assertThat(reads.get()).isGreaterThanOrEqualTo((long) READERS * MIN_READS_PER_READER);
    assertThat(midWriteReads.get()).as("reads that overlapped the writer").isPositive();
    assertThat(mirror.version()).isEqualTo(script.size());
  }

  // A pre-queue of 400, its opening, then joins at the tail and admissions at the head, so that
  // chunks of 256 are allocated and dropped all the time.
  private static List<List<LineChange>> script(Random random) {
    List<List<LineChange>> script = new ArrayList<>();
    List<LineChange> pre = new ArrayList<>();
    for (long seq = 0; seq < 400; seq++) {
      pre.add(new JoinedPreQueue(seq));
    }
    script.add(pre);
    script.add(List.of(new Opened(400)));
    long nextEntrant = 0;
    long next = 400;
    long head = 400;
    while (next < 60_000) {
      List<LineChange> batch = new ArrayList<>();
      for (int k = random.nextInt(12); k > 0; k--) {
        batch.add(new Joined(next++));
      }
      for (int k = random.nextInt(10); k > 0 && head < next; k--) {
        if (nextEntrant < 400) {
          batch.add(new Left(Place.preQueue(nextEntrant++)));
        } else {
          batch.add(new Left(Place.line(head++)));
        }
      }
      if (random.nextInt(4) == 0) {
        batch.add(new Left(Place.line(head + random.nextInt((int) (next - head) + 1))));
      }
      script.add(batch);
    }
    return script;
  }
}
