package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.anonymous;
import static io.queuegate.domain.port.out.StoreFixtures.at;
import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.newIdentity;
import static io.queuegate.domain.port.out.StoreFixtures.openAttempt;
import static io.queuegate.domain.port.out.StoreFixtures.withIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.mirror.FeedBatch;
import io.queuegate.domain.mirror.FeedEntry;
import io.queuegate.domain.mirror.FeedHead;
import io.queuegate.domain.mirror.LineChange;
import io.queuegate.domain.mirror.LinePage;
import io.queuegate.domain.mirror.Place;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.NewWaiter;
import io.queuegate.domain.model.PreQueueEntry;
import io.queuegate.domain.model.QueueException;
import io.queuegate.domain.model.ScoredEntrant;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LineFeed} must do (docs/design.md#feed): each change of the line once, in the
 * store's order, with rising versions; nothing for a repeat join; a snapshot (head, pages, the feed
 * from the head) that gives every waiter the position the line itself answers, even while the line
 * changes between pages; a {@link FeedGap} once entries were trimmed or the event began again.
 */
public abstract class LineFeedContract {
  /** The feed length of {@link #newStoreKeepingFeed}: small, so that a test can outgrow it. */
  protected static final int SHORT_FEED = 10;

  private static final Duration REMEMBER = Duration.ofSeconds(300);

  private QueueStore store;
  private LineFeed feed;
  private EventId event;
  private final AtomicInteger clock = new AtomicInteger();

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  /**
   * A fresh store whose feeds keep about {@link #SHORT_FEED} entries (a store may keep somewhat
   * more, as Redis's approximate trimming does, but not thousands).
   */
  protected abstract QueueStore newStoreKeepingFeed();

  @BeforeEach
  void setUpStore() {
    use(newStore());
  }

  private void use(QueueStore next) {
    store = next;
    feed = store.feed();
    event = newEventId();
  }

  private Instant tick() {
    return at(clock.incrementAndGet());
  }

  private Waiter join() {
    return join(anonymous(event));
  }

  private Waiter join(NewWaiter waiter) {
    return store.line().join(waiter, 0, tick()).standing().waiter();
  }

  private Waiter joinPreQueue(OptionalLong score) {
    WaiterId id = WaiterId.random();
    return join(
        new NewWaiter(
            event,
            id,
            Optional.empty(),
            Optional.empty(),
            Optional.of(new PreQueueEntry(EntrantId.of(id), score))));
  }

  private void admit(Waiter waiter) {
    store.ledger().admit(openAttempt(event, waiter.id()), tick());
  }

  private List<FeedEntry> entriesAfter(long version) {
    List<FeedEntry> entries = new ArrayList<>();
    long at = version;
    for (FeedBatch batch = feed.read(event, at, 100);
        !batch.isEmpty();
        batch = feed.read(event, at, 100)) {
      entries.addAll(batch.entries());
      at = batch.entries().getLast().version();
    }
    return entries;
  }

  private static List<LineChange> changes(List<FeedEntry> entries) {
    return entries.stream().flatMap(e -> e.changes().stream()).toList();
  }

  private static LineChange.Left leftLine(Waiter waiter) {
    return new LineChange.Left(Place.line(waiter.sequence()));
  }

  private static LineChange.Left leftPreQueue(Waiter waiter) {
    return new LineChange.Left(Place.preQueue(waiter.sequence()));
  }

  @Test
  void anEventNeverSeen_hasAnEmptyFeed() {
    assertThat(feed.head(event)).isEqualTo(new FeedHead(0, 0));
    assertThat(feed.read(event, 0, 10).isEmpty()).isTrue();
    assertThat(feed.page(event, 0, 10)).isEqualTo(new LinePage(new long[0], true));
  }

  @Test
  void joinsLeavesAdmissionsAndExpiries_appearOnceInStoreOrder_withRisingVersions() {
    Waiter a = join();
    Waiter b = join();
    Waiter c = join();
    Waiter d = join();
    Waiter e = join();
    store.line().leave(event, b.id(), tick());
    store.line().leave(event, b.id(), tick()); // a second leave changes nothing
    admit(a);
    // c and d are silent since they joined; one reap takes both, e has just been seen
    store.line().touch(event, List.of(e.id()), at(100));
    assertThat(store.line().reap(event, at(50), 10, REMEMBER, at(100))).isEqualTo(2);

    List<FeedEntry> entries = entriesAfter(0);

    assertThat(changes(entries))
        .containsExactly(
            new LineChange.Joined(a.sequence()),
            new LineChange.Joined(b.sequence()),
            new LineChange.Joined(c.sequence()),
            new LineChange.Joined(d.sequence()),
            new LineChange.Joined(e.sequence()),
            leftLine(b),
            leftLine(a),
            leftLine(c),
            leftLine(d));
    assertThat(entries).hasSize(8); // the reap's two removals are one step, so one entry
    assertThat(entries.getFirst().version()).isPositive();
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).version()).isGreaterThan(entries.get(i - 1).version());
    }
    assertThat(feed.head(event).version()).isEqualTo(entries.getLast().version());
    assertThat(feed.read(event, entries.getLast().version(), 10).isEmpty()).isTrue();
  }

  @Test
  void aRepeatJoinOfTheSameIdentity_writesNothing() {
    Identity identity = newIdentity();
    Waiter first = join(withIdentity(event, identity));
    long version = feed.head(event).version();

    Waiter again = join(withIdentity(event, identity));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(feed.head(event).version()).isEqualTo(version);
    assertThat(feed.read(event, version, 10).isEmpty()).isTrue();
  }

  @Test
  void aPreQueue_joinsLeavesAndOpens_countedAtTheHead() {
    store.preQueue().seal(event, ShuffleSeed.random());
    Waiter scored = joinPreQueue(OptionalLong.of(7));
    Waiter unscored = joinPreQueue(OptionalLong.empty());
    Waiter gone = joinPreQueue(OptionalLong.of(3));
    store.line().leave(event, gone.id(), tick());
    assertThat(feed.head(event).preQueue()).isEqualTo(2);
    long beforeScoring = feed.head(event).version();

    store.preQueue().score(event, List.of(new ScoredEntrant(EntrantId.of(unscored.id()), 5)));
    assertThat(feed.head(event).version()).isEqualTo(beforeScoring); // nobody came or went
    store.preQueue().open(event, tick());
    Waiter later = join();
    store.line().leave(event, scored.id(), tick());

    assertThat(changes(entriesAfter(0)))
        .containsExactly(
            new LineChange.JoinedPreQueue(scored.sequence()),
            new LineChange.JoinedPreQueue(unscored.sequence()),
            new LineChange.JoinedPreQueue(gone.sequence()),
            leftPreQueue(gone),
            new LineChange.Opened(2),
            new LineChange.Joined(later.sequence()),
            leftPreQueue(scored));
    assertThat(feed.head(event).preQueue()).isEqualTo(1);
    assertThat(store.line().locate(event, later.id(), tick()).position()).isEqualTo(2);
  }

  @Test
  void pagesListTheFirstComeLine_inOrder_untilTheLast() {
    store.preQueue().seal(event, ShuffleSeed.random());
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      expected.add(join().sequence());
      joinPreQueue(OptionalLong.of(i)); // not in the first-come line
    }

    List<Long> seen = new ArrayList<>();
    long after = 0;
    LinePage page;
    do {
      page = feed.page(event, after, 3);
      assertThat(page.sequences().length).isLessThanOrEqualTo(3);
      for (long seq : page.sequences()) {
        seen.add(seq);
        after = seq;
      }
    } while (!page.last());

    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void readWithAMax_returnsAtMostThat_andContinuesWhereItStopped() {
    for (int i = 0; i < 7; i++) {
      join();
    }
    List<FeedEntry> all = entriesAfter(0);
    assertThat(all).hasSize(7);

    List<FeedEntry> stepped = new ArrayList<>();
    long at = 0;
    for (FeedBatch batch = feed.read(event, 0, 3);
        !batch.isEmpty();
        batch = feed.read(event, at, 3)) {
      assertThat(batch.entries()).hasSizeLessThanOrEqualTo(3);
      stepped.addAll(batch.entries());
      at = batch.entries().getLast().version();
    }

    assertThat(stepped).isEqualTo(all);
  }

  @Test
  void aSnapshotWhileTheLineChanges_givesEveryWaiterThePositionTheLineAnswers() {
    Random random = new Random(20261201);
    store.preQueue().seal(event, ShuffleSeed.random());
    List<Waiter> everyone = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      everyone.add(i % 5 == 0 ? joinPreQueue(OptionalLong.of(i)) : join());
    }

    FeedHead head = feed.head(event);
    TreeSet<Long> line = new TreeSet<>();
    long after = 0;
    LinePage page;
    do {
      page = feed.page(event, after, 6);
      for (long seq : page.sequences()) {
        line.add(seq);
        after = seq;
      }
      changeSomething(random, everyone); // the line moves between the pages
    } while (!page.last());
    long preQueue = head.preQueue();
    for (FeedEntry entry : entriesAfter(head.version())) {
      for (LineChange change : entry.changes()) {
        preQueue += apply(change, line);
      }
    }

    assertThat(preQueue).isEqualTo(feed.head(event).preQueue());
    int checked = 0;
    for (Waiter waiter : everyone) {
      WaiterStanding standing;
      try {
        standing = store.line().locate(event, waiter.id(), tick());
      } catch (QueueException gone) {
        assertThat(line).doesNotContain(waiter.sequence());
        continue;
      }
      long expected =
          standing.inPreQueue() ? preQueue : preQueue + line.headSet(waiter.sequence()).size() + 1;
      assertThat(standing.position()).as("position of %s", waiter.sequence()).isEqualTo(expected);
      assertThat(line.contains(waiter.sequence())).isNotEqualTo(standing.inPreQueue());
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
  }

  private void changeSomething(Random random, List<Waiter> everyone) {
    switch (random.nextInt(4)) {
      case 0 -> everyone.add(random.nextBoolean() ? join() : joinPreQueue(OptionalLong.of(1)));
      case 1 ->
          store.line().leave(event, everyone.get(random.nextInt(everyone.size())).id(), tick());
      case 2 -> {
        Waiter candidate = everyone.get(random.nextInt(everyone.size()));
        try {
          admit(candidate);
        } catch (QueueException refused) {
          // gone already, or a pre-queue entrant before the opening: nothing changed
        }
      }
      default -> store.line().reap(event, at(clock.get() - 30L), 2, REMEMBER, tick());
    }
  }

  /** Applies one change to the mirrored line; returns what it adds to the pre-queue's count. */
  private static long apply(LineChange change, TreeSet<Long> line) {
    return switch (change) {
      case LineChange.Joined joined -> {
        line.add(joined.seq());
        yield 0;
      }
      case LineChange.JoinedPreQueue ignored -> 1;
      case LineChange.Left left when left.place().kind() == Place.Kind.LINE -> {
        line.remove(left.place().key());
        yield 0;
      }
      case LineChange.Left ignored -> -1;
      case LineChange.Opened ignored -> 0;
    };
  }

  @Test
  void aReaderPastTheTrimmedEntries_getsAGap_whileOneAtTheHeadReadsOn() {
    use(newStoreKeepingFeed());
    long first = 0;
    for (int i = 0; i < 400; i++) {
      join();
      if (i == 0) {
        first = feed.head(event).version();
      }
    }
    long head = feed.head(event).version();
    join();

    long stale = first;
    assertThatThrownBy(() -> feed.read(event, 0, 10)).isInstanceOf(FeedGap.class);
    assertThatThrownBy(() -> feed.read(event, stale, 10)).isInstanceOf(FeedGap.class);
    assertThat(feed.read(event, head, 10).entries()).hasSize(1);
  }

  @Test
  void aDeletedEventBegunAgain_givesAnOldReaderAGap() {
    join();
    join();
    long version = feed.head(event).version();

    store.line().deleteEvent(event);
    assertThatThrownBy(() -> feed.read(event, version, 10)).isInstanceOf(FeedGap.class);
    Waiter next = join();

    assertThatThrownBy(() -> feed.read(event, version, 10)).isInstanceOf(FeedGap.class);
    assertThat(changes(entriesAfter(0))).containsExactly(new LineChange.Joined(next.sequence()));
  }

  @Test
  void concurrentJoins_appearOnceEach_inSequenceOrder() {
    List<Concurrently.Outcome<Waiter>> outcomes = Concurrently.run(8, 200, i -> join());

    List<Long> joined =
        changes(entriesAfter(0)).stream().map(c -> ((LineChange.Joined) c).seq()).toList();
    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    assertThat(joined).hasSize(200).isSorted().doesNotHaveDuplicates();
  }
}
