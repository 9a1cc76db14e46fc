package io.queuegate.domain.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.SaleSchedule;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleRuleTest {
  private static final Instant START = Instant.parse("2027-01-10T08:00:00Z");
  private static final Instant OPEN = Instant.parse("2027-01-10T09:00:00Z");
  private static final Optional<SaleSchedule> SALE =
      Optional.of(new SaleSchedule(START, OPEN, Optional.of("beacon pulse 09:00Z")));

  @Test
  void beforeThePreQueue_anythingInTheFutureGoes() {
    Instant now = START.minusSeconds(60);
    assertThatCode(() -> ScheduleRule.check(SALE, Optional.empty(), now))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ScheduleRule.check(
                    SALE, Optional.of(new SaleSchedule(START, OPEN, Optional.empty())), now))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ScheduleRule.check(
                    Optional.empty(),
                    Optional.of(
                        new SaleSchedule(
                            now.minusSeconds(100), now.minusSeconds(1), Optional.empty())),
                    now))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("future");
  }

  @Test
  void duringThePreQueue_onlyTheOpeningMayMove() {
    Instant now = START.plusSeconds(60);
    assertThatCode(
            () ->
                ScheduleRule.check(
                    SALE,
                    Optional.of(
                        new SaleSchedule(
                            START, OPEN.plusSeconds(600), SALE.get().publicValueSource())),
                    now))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ScheduleRule.check(SALE, Optional.empty(), now))
        .isInstanceOf(InvalidPolicy.class);
    assertThatThrownBy(
            () ->
                ScheduleRule.check(
                    SALE, Optional.of(new SaleSchedule(START, OPEN, Optional.empty())), now))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("shuffle_public_value_source");
    assertThatThrownBy(
            () ->
                ScheduleRule.check(
                    SALE,
                    Optional.of(
                        new SaleSchedule(
                            START.plusSeconds(1), OPEN, SALE.get().publicValueSource())),
                    now))
        .isInstanceOf(InvalidPolicy.class);
  }

  @Test
  void afterTheOpening_nothingChanges() {
    assertThatThrownBy(() -> ScheduleRule.check(SALE, Optional.empty(), OPEN))
        .isInstanceOf(InvalidPolicy.class)
        .hasMessageContaining("opened");
    assertThatCode(() -> ScheduleRule.check(SALE, SALE, OPEN.plusSeconds(5)))
        .doesNotThrowAnyException();
  }
}
