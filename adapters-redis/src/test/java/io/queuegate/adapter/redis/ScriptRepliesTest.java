package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.AdmissionHistory;
import io.queuegate.domain.model.AdmissionWindows;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.EventStats;
import io.queuegate.domain.model.Identity;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.SaleSchedule;
import io.queuegate.domain.model.ShuffleSeed;
import io.queuegate.domain.model.ShuffleState;
import io.queuegate.domain.model.UserId;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each script's reply, as Redis returns it (strings and longs), decoded into its record. */
class ScriptRepliesTest {
  private static final EventId EVENT = new EventId("sale");
  private static final WaiterId ID = new WaiterId("AAAAAAAAAAAAAAAAAAAAAA");
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void join_placedOrFull() {
    assertThat(JoinReply.from(List.of("full"))).isEqualTo(new JoinReply.Full());
    assertThat(JoinReply.from(List.of("joined", ID.value(), 7L, "u1", "", 1000L, 6L, "0", 12L)))
        .isEqualTo(
            new JoinReply.Placed(false, ID, new WaiterFields(7, "u1", "", 1000), 6, false, 12));
    assertThat(JoinReply.from(List.of("existing", ID.value(), "7", "", "", "1000", -1L, "0", "12")))
        .isEqualTo(
            new JoinReply.Placed(true, ID, new WaiterFields(7, "", "", 1000), -1, false, 12));
    assertThat(JoinReply.from(List.of("joined", ID.value(), 7L, "", "", 1000L, 41L, "1", 0L)))
        .isEqualTo(new JoinReply.Placed(false, ID, new WaiterFields(7, "", "", 1000), 41, true, 0));
  }

  @Test
  void locate_eachTierAndEachAbsence() {
    assertThat(LocateReply.from(List.of("index", "7", "", "", "1000", 3L, "0")))
        .isEqualTo(new LocateReply.Index(new WaiterFields(7, "", "", 1000), 3, false));
    assertThat(LocateReply.from(List.of("index", "7", "", "", "1000", 3L, "1")))
        .isEqualTo(new LocateReply.Index(new WaiterFields(7, "", "", 1000), 3, true));
    assertThat(LocateReply.from(List.of("scan", "7", "", "", "1000", -1L)))
        .isEqualTo(new LocateReply.Scan(new WaiterFields(7, "", "", 1000)));
    assertThat(LocateReply.from(List.of("legacy", "7.0", "", "", "-1", 3L)))
        .isEqualTo(new LocateReply.Legacy(new WaiterFields(7, "", "", -1), 3));
    assertThat(LocateReply.from(List.of("expired"))).isEqualTo(new LocateReply.Expired());
    assertThat(LocateReply.from(List.of("missing"))).isEqualTo(new LocateReply.Missing());
    assertThatThrownBy(() -> LocateReply.from(List.of("elsewhere")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("locate");
  }

  @Test
  void admit_everyOutcome() {
    assertThat(AdmitReply.from(List.of("admitted", "7", "u1", "i1", "1000")))
        .isEqualTo(new AdmitReply.Admitted(new WaiterFields(7, "u1", "i1", 1000)));
    assertThat(AdmitReply.from(List.of("expired"))).isEqualTo(new AdmitReply.Expired());
    assertThat(AdmitReply.from(List.of("missing"))).isEqualTo(new AdmitReply.Missing());
    assertThat(AdmitReply.from(List.of("paused"))).isEqualTo(new AdmitReply.Paused());
    assertThat(AdmitReply.from(List.of("not_open"))).isEqualTo(new AdmitReply.NotOpen());
    assertThat(AdmitReply.from(List.of("index_miss", "7"))).isEqualTo(new AdmitReply.IndexMiss(7));
    assertThat(AdmitReply.from(List.of("beyond", 12L))).isEqualTo(new AdmitReply.Beyond(12));
    assertThat(AdmitReply.from(List.of("max_active", 1500L)))
        .isEqualTo(new AdmitReply.MaxActive(Duration.ofMillis(1500)));
    assertThat(AdmitReply.from(List.of("no_capacity", 250_000L)))
        .isEqualTo(new AdmitReply.NoCapacity(Duration.ofNanos(250_000)));
    assertThatThrownBy(() -> AdmitReply.from(List.of("maybe")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void waiterFields_becomeAWaiter_unknownJoinTimeCountsAsNow() {
    Waiter known = new WaiterFields(7, "u1", "i1", 1000).toWaiter(EVENT, ID, NOW);
    Waiter legacy = new WaiterFields(7, "", "", -1).toWaiter(EVENT, ID, NOW);

    assertThat(known)
        .isEqualTo(
            new Waiter(
                EVENT,
                ID,
                7,
                Optional.of(new UserId("u1")),
                Optional.of(new Identity("i1")),
                Instant.ofEpochMilli(1000)));
    assertThat(legacy).isEqualTo(new Waiter(EVENT, ID, 7, Optional.empty(), Optional.empty(), NOW));
  }

  @Test
  void stats_withAndWithoutAnOldestWaiter() {
    assertThat(StatsReply.from(List.of(2L, "5", "1", "1", "1", 1L, "1000")).toStats())
        .isEqualTo(new EventStats(2, 5, 1, 1, 1, 1, Optional.of(Instant.ofEpochMilli(1000))));
    assertThat(StatsReply.from(List.of(0L, "0", "0", "0", "0", 0L, "-1")).toStats())
        .isEqualTo(new EventStats(0, 0, 0, 0, 0, 0, Optional.empty()));
  }

  @Test
  void history_oneCountPerSlotThenTheOldestAdmission() {
    List<Object> reply = new ArrayList<>(Collections.nCopies(AdmissionHistory.SLOTS, (Object) 0L));
    reply.set(0, 4L);
    reply.add("1000");
    Instant now = Instant.ofEpochMilli(31_000);

    AdmissionHistory history = HistoryReply.from(reply).toHistory(now);

    assertThat(history.slots().get(0)).isEqualTo(4);
    assertThat(history.age()).isEqualTo(Duration.ofSeconds(30));
    List<Object> none = new ArrayList<>(Collections.nCopies(AdmissionHistory.SLOTS, (Object) 0L));
    none.add(-1L);
    assertThat(HistoryReply.from(none).toHistory(now)).isEqualTo(AdmissionHistory.NONE);
    assertThatThrownBy(() -> HistoryReply.from(List.of(2L, 3L)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recent_oneCountPerDomainWindow() {
    assertThat(RecentReply.from(List.of(2L, 3L, 5L)).toWindows())
        .isEqualTo(new AdmissionWindows(2, 3, 5));
    assertThatThrownBy(() -> RecentReply.from(List.of(2L, 3L)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rate_allowedOrNot() {
    assertThat(RateReply.from(List.of(1L, 4L, 0L, 2_000L)).toDecision(5))
        .isEqualTo(new RateDecision(true, 5, 4, Duration.ZERO, Duration.ofNanos(2_000)));
    assertThat(RateReply.from(List.of(0L, 0L, 1_000L, 2_000L)).toDecision(5).allowed()).isFalse();
  }

  @Test
  void count_andWhetherItHappened() {
    assertThat(CountReply.from(List.of(1L)).happened()).isTrue();
    assertThat(CountReply.from(List.of(0L)).happened()).isFalse();
    assertThat(CountReply.from(List.of(3L)).count()).isEqualTo(3);
  }

  @Test
  void policySwap_storedOrChanged() {
    assertThat(PolicySwapReply.from(List.of("stored"))).isEqualTo(PolicySwapReply.STORED);
    assertThat(PolicySwapReply.from(List.of("changed"))).isEqualTo(PolicySwapReply.CHANGED);
    assertThatThrownBy(() -> PolicySwapReply.from(List.of("elsewhere")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("policy_swap");
  }

  @Test
  void policyHash_readsBackWhatItWrites_andTellsAnAbsentHashFromAnUnversionedOne() {
    QueuePolicy policy = QueuePolicy.defaults().toBuilder().pausedJoins(true).build();
    Map<String, String> fields = PolicyHash.fields(policy);

    assertThat(PolicyHash.from(fields))
        .isEqualTo(new PolicyHash(Optional.of(policy), PolicyHash.UNVERSIONED));
    fields.put(PolicyHash.VERSION_FIELD, "v1");
    assertThat(PolicyHash.from(fields)).isEqualTo(new PolicyHash(Optional.of(policy), "v1"));
    assertThat(PolicyHash.from(Map.of()))
        .isEqualTo(new PolicyHash(Optional.empty(), PolicyHash.ABSENT));
  }

  @Test
  void policyHash_keepsTheSaleSchedule() {
    SaleSchedule schedule =
        new SaleSchedule(
            Instant.parse("2027-01-10T08:00:00Z"),
            Instant.parse("2027-01-10T09:00:00Z"),
            Optional.of("lottery draw #123"));
    QueuePolicy policy = QueuePolicy.defaults().toBuilder().schedule(Optional.of(schedule)).build();

    assertThat(PolicyHash.from(PolicyHash.fields(policy)).policy()).contains(policy);
    QueuePolicy without = policy.toBuilder().schedule(Optional.empty()).build();
    assertThat(PolicyHash.from(PolicyHash.fields(without)).policy()).contains(without);
  }

  @Test
  void shuffleHash_decodesTheScriptsFlatReply() {
    String seed = "00".repeat(32);
    assertThat(ShuffleHash.fromList(List.of("stored", "seed", seed, "public_value", "v"), 1))
        .contains(ShuffleState.sealed(new ShuffleSeed(seed), Optional.of("v")));
    assertThat(
            ShuffleHash.fromList(List.of("seed", seed, "opened_at", "1000", "entrants", "12"), 0))
        .contains(
            new ShuffleState(
                new ShuffleSeed(seed),
                Optional.empty(),
                Optional.of(Instant.ofEpochMilli(1000)),
                12));
    assertThat(ShuffleHash.fromList(List.of(), 0)).isEmpty();
  }
}
