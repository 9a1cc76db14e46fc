package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.log.LogRecord;
import io.queuegate.domain.log.ReceiptClaim;
import io.queuegate.domain.model.EntrantId;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.Joined;
import io.queuegate.domain.model.PositionMethod;
import io.queuegate.domain.model.Waiter;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a receipt states: the new join as stored, or a repeat join's first record from the log. */
class JoinReceiptsTest {
  private static final EventId EVENT = new EventId("sale");
  private static final WaiterId ID = WaiterId.random();
  private static final Instant JOINED = Instant.parse("2030-01-01T10:00:00.123456Z");

  private final List<ReceiptClaim> signed = new ArrayList<>();
  private final List<LogRecord> log = new ArrayList<>();
  private final JoinReceipts receipts =
      new JoinReceipts(
          claim -> {
            signed.add(claim);
            return "jws-" + claim.logSeq();
          },
          (eventId, after, limit) ->
              log.subList(
                  (int) Math.min(after, log.size()), (int) Math.min(after + limit, log.size())));

  private static Joined joined(boolean existing, boolean inPreQueue, long logSeq) {
    Waiter waiter = new Waiter(EVENT, ID, 1, Optional.empty(), Optional.empty(), JOINED);
    return new Joined(
        new WaiterStanding(waiter, 1, new PositionMethod("position_index"), inPreQueue),
        existing,
        logSeq);
  }

  @Test
  void aNewJoin_isStatedAsStored_toTheMillisecond() {
    assertThat(receipts.receiptFor(EVENT, joined(false, true, 4))).contains("jws-4");
    assertThat(signed)
        .containsExactly(
            new ReceiptClaim(
                EVENT, EntrantId.of(ID), Instant.parse("2030-01-01T10:00:00.123Z"), true, 4));
  }

  @Test
  void aRepeatJoin_getsItsFirstJoinsRecord_andAPlaceFromBeforeTheLogNone() {
    log.add(new LogRecord.Join(1, JOINED.minusSeconds(60), EntrantId.of(WaiterId.random()), true));
    log.add(new LogRecord.Join(2, Instant.parse("2030-01-01T09:59:00Z"), EntrantId.of(ID), true));

    assertThat(receipts.receiptFor(EVENT, joined(true, false, 2))).contains("jws-2");
    assertThat(receipts.receiptFor(EVENT, joined(true, false, 1))).isEmpty();
    assertThat(receipts.receiptFor(EVENT, joined(false, false, 0))).isEmpty();
    assertThat(signed)
        .containsExactly(
            new ReceiptClaim(
                EVENT, EntrantId.of(ID), Instant.parse("2030-01-01T09:59:00Z"), true, 2));
  }
}
