import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.LineMirror;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.mirror.Place;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Bench-only: the line mirror's memory and cost per operation (docs/benchmarks.md#mirror), on one
 * thread, through the mirror's own locked entry points. For each line size and block size: joins
 * in batches of 1,000 (add), the size of the mirror as estimated from its arrays and as measured on
 * the heap, position reads at random sequences (rank), leaves scattered over the line in batches of
 * 1,000 (remove), then admissions from the head in batches of 100 (admit, which drops emptied
 * chunks), and a sparse line where 7 in 8 left. Each cell is the median of 5 rounds, the two block
 * sizes alternating. Prints one markdown table, then the time to build a mirror from snapshot pages.
 * Usage: ./mvnw -B -o -q compile -pl domain && java -Xms2g -Xmx2g -cp domain/target/classes
 * bench/java/MirrorBench.java [sizes...]
 */
public final class MirrorBench {
  private static final int BATCH = 1_000;
  private static final int ROUNDS = 5;
  private static final int PAGE = 10_000;
  private static long version;

  public static void main(String[] args) {
    long[] sizes = args.length == 0 ? new long[] {1_000_000, 10_000_000} : parse(args);
    System.out.printf("java %s, %s, %d cpus%n", System.getProperty("java.version"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    System.out.println("| waiters | block bits | bytes (arrays) | bytes (heap) | bytes/waiter"
        + " | add ns/op | rank ns/op | remove ns/op | admit ns/op | sparse: waiters, bytes/waiter |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (int warm = 0; warm < 2; warm++) {
      run(1_000_000, 4096);
    }
    int[] blocks = {512, 4096};
    for (long n : sizes) {
      double[][][] rounds = new double[blocks.length][ROUNDS][];
      for (int r = 0; r < ROUNDS; r++) { // alternating, so that drift hits both block sizes
        for (int b = 0; b < blocks.length; b++) {
          rounds[b][r] = run(n, blocks[b]);
        }
      }
      for (int b = 0; b < blocks.length; b++) {
        double[] m = new double[rounds[b][0].length];
        for (int k = 0; k < m.length; k++) {
          double[] column = new double[ROUNDS];
          for (int r = 0; r < ROUNDS; r++) {
            column[r] = rounds[b][r][k];
          }
          Arrays.sort(column);
          m[k] = column[ROUNDS / 2];
        }
        System.out.printf(
            "| %,d | %d | %,.0f | %,.0f | %.3f | %.1f | %.1f | %.1f | %.1f | %,.0f, %.3f |%n",
            n, blocks[b], m[0], m[1], m[0] / n, m[2], m[3], m[4], m[5], m[6], m[7]);
      }
    }
    for (long n : sizes) {
      double[] build = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        build[r] = snapshotMillis(n);
      }
      Arrays.sort(build);
      System.out.printf("mirror of %,d built from snapshot pages of %,d: %.1f ms (median of %d)%n",
          n, PAGE, build[ROUNDS / 2], ROUNDS);
    }
  }

  // A new instance's mirror of a line of n: the snapshot's head, then pages of PAGE sequences, as
  // the follower adds them (the store's reads not included).
  private static double snapshotMillis(long n) {
    long t0 = System.nanoTime();
    LineMirror mirror = LineMirror.fromHead(new FeedHead(1, 0));
    for (long seq = 1; seq <= n; seq += PAGE) {
      long[] page = new long[(int) Math.min(PAGE, n - seq + 1)];
      for (int i = 0; i < page.length; i++) {
        page[i] = seq + i;
      }
      mirror.addPage(new LinePage(page, seq + PAGE > n));
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  // {bytes, heap bytes, add, rank, remove, admit ns/op, sparse waiters, sparse bytes per waiter}
  private static double[] run(long n, int blockBits) {
    long before = heapAfterGc();
    LineMirror mirror = LineMirror.withBlocks(blockBits);
    long t0 = System.nanoTime();
    for (long seq = 1; seq <= n; seq += BATCH) {
      List<LineChange> batch = new ArrayList<>(BATCH);
      for (long s = seq; s < seq + BATCH && s <= n; s++) {
        batch.add(new LineChange.Joined(s));
      }
      mirror.apply(batch, ++version);
    }
    double add = (System.nanoTime() - t0) / (double) n;
    long heap = heapAfterGc() - before;
    long bytes = mirror.footprintBytes();

    Random random = new Random(15);
    int reads = 2_000_000;
    long[] probes = new long[1 << 16];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = 1 + (long) (random.nextDouble() * n);
    }
    long sink = 0;
    t0 = System.nanoTime();
    for (int i = 0; i < reads; i++) {
      sink += mirror.waitingAhead(Place.line(probes[i & (probes.length - 1)]));
    }
    double rank = (System.nanoTime() - t0) / (double) reads;

    // Scattered leaves: i * 7919 mod n visits distinct sequences (7919 is a prime not dividing n).
    long leaves = n / 10;
    t0 = System.nanoTime();
    for (long i = 0; i < leaves; i += BATCH) {
      List<LineChange> batch = new ArrayList<>(BATCH);
      for (long k = i; k < i + BATCH && k < leaves; k++) {
        batch.add(new LineChange.Left(Place.line(1 + (k * 7919) % n)));
      }
      mirror.apply(batch, ++version);
    }
    double remove = (System.nanoTime() - t0) / (double) leaves;

    long admits = n / 2;
    t0 = System.nanoTime();
    for (long seq = 1; seq <= admits; seq += 100) {
      List<LineChange> batch = new ArrayList<>(100);
      for (long s = seq; s < seq + 100 && s <= admits; s++) {
        batch.add(new LineChange.Left(Place.line(s)));
      }
      mirror.apply(batch, ++version);
    }
    double admit = (System.nanoTime() - t0) / (double) admits;

    // A sparse line: 7 of every 8 sequences of the remaining range left, the head still waiting.
    List<LineChange> thin = new ArrayList<>();
    for (long seq = admits + 1; seq <= n; seq++) {
      if (seq % 8 != 0 && seq != admits + 1) {
        thin.add(new LineChange.Left(Place.line(seq)));
      }
    }
    mirror.apply(thin, ++version);
    long sparseWaiters = mirror.size();
    double sparse = mirror.footprintBytes() / (double) sparseWaiters;
    if (sink == 42) {
      System.out.println();
    }
    return new double[] {bytes, heap, add, rank, remove, admit, sparseWaiters, sparse};
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long[] parse(String[] args) {
    long[] sizes = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Long.parseLong(args[i]);
    }
    return sizes;
  }
}
