package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.policyWithReadyWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventPolicies} must do: keep, replace, update atomically and delete one policy
 * per event.
 */
public abstract class EventPoliciesContract {
  private EventPolicies policies;
  private EventId event;

  /** A fresh, empty store; called before every test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void setUpStore() {
    policies = newStore().policies();
    event = newEventId();
  }

  @Test
  void findOfAnEventNeverConfigured_isEmpty() {
    assertThat(policies.find(event)).isEmpty();
  }

  @Test
  void savedPolicy_isFoundAsSaved() {
    QueuePolicy policy = policyWithReadyWindow(42).toBuilder().pausedAdmission(true).build();

    policies.save(event, policy);

    assertThat(policies.find(event)).contains(policy);
  }

  @Test
  void savedWaitingPage_isFoundAsSaved() {
    WaitingPage page =
        WaitingPage.of(
            "https://shop.example/book?seat=1&x=y", "Konzert 콘서트 \"live\"", TargetDelivery.FORM);
    QueuePolicy policy = policyWithReadyWindow(7).toBuilder().page(page).build();

    policies.save(event, policy);

    assertThat(policies.find(event)).contains(policy);
  }

  @Test
  void savedCaptcha_isFoundAsSaved_andSavingWithoutItRemovesIt() {
    QueuePolicy withCaptcha =
        policyWithReadyWindow(7).toBuilder()
            .captcha(
                io.queuegate.domain.model.CaptchaPolicy.of(
                    "hcaptcha",
                    "10000000-ffff-ffff-ffff-000000000001",
                    io.queuegate.domain.model.CaptchaOutage.REFUSE))
            .build();

    policies.save(event, withCaptcha);
    assertThat(policies.find(event)).contains(withCaptcha);

    policies.save(event, policyWithReadyWindow(7));
    assertThat(policies.find(event)).contains(policyWithReadyWindow(7));
  }

  @Test
  void saveWithoutWaitingPage_removesTheEarlierPage() {
    policies.save(
        event,
        policyWithReadyWindow(7).toBuilder()
            .page(WaitingPage.of("https://shop.example/", "Title", TargetDelivery.FORM))
            .build());

    policies.save(event, policyWithReadyWindow(7));

    assertThat(policies.find(event)).contains(policyWithReadyWindow(7));
  }

  @Test
  void saveAgain_replacesThePolicy() {
    policies.save(event, policyWithReadyWindow(1));

    policies.save(event, policyWithReadyWindow(2));

    assertThat(policies.find(event)).contains(policyWithReadyWindow(2));
  }

  @Test
  void delete_forgetsThePolicyAndLeavesOtherEventsAlone() {
    EventId other = newEventId();
    policies.save(event, policyWithReadyWindow(1));
    policies.save(other, policyWithReadyWindow(2));

    policies.delete(event);

    assertThat(policies.find(event)).isEmpty();
    assertThat(policies.find(other)).contains(policyWithReadyWindow(2));
  }

  @Test
  void deleteOfAnEventNeverConfigured_changesNothing() {
    policies.delete(event);

    assertThat(policies.find(event)).isEmpty();
  }

  @Test
  void concurrentSavesForManyEvents_keepEachEventsOwnPolicy() {
    List<EventId> events = IntStream.range(0, 200).mapToObj(i -> newEventId()).toList();

    Concurrently.values(
        Concurrently.run(
            16,
            events.size(),
            i -> {
              policies.save(events.get(i), policyWithReadyWindow(i + 1));
              return i;
            }));

    for (int i = 0; i < events.size(); i++) {
      assertThat(policies.find(events.get(i))).contains(policyWithReadyWindow(i + 1));
    }
  }

  @Test
  void concurrentSavesForOneEvent_leaveExactlyOneOfThem() {
    List<QueuePolicy> candidates =
        IntStream.rangeClosed(1, 100).mapToObj(StoreFixtures::policyWithReadyWindow).toList();

    Concurrently.values(
        Concurrently.run(
            16,
            candidates.size(),
            i -> {
              policies.save(event, candidates.get(i));
              return i;
            }));

    assertThat(policies.find(event)).get().isIn(candidates);
  }

  @Test
  void updateOfAnEventNeverConfigured_changesTheDefaultsAndStoresThem() {
    QueuePolicy defaults = policyWithReadyWindow(9);

    QueuePolicy stored = policies.update(event, defaults, p -> p.toBuilder().maxWaiting(5).build());

    assertThat(stored).isEqualTo(defaults.toBuilder().maxWaiting(5).build());
    assertThat(policies.find(event)).contains(stored);
  }

  @Test
  void update_changesTheStoredPolicyNotTheDefaults() {
    policies.save(event, policyWithReadyWindow(42).toBuilder().pausedJoins(true).build());

    QueuePolicy stored =
        policies.update(
            event, QueuePolicy.defaults(), p -> p.toBuilder().pausedAdmission(true).build());

    assertThat(stored)
        .isEqualTo(
            policyWithReadyWindow(42).toBuilder().pausedJoins(true).pausedAdmission(true).build());
    assertThat(policies.find(event)).contains(stored);
  }

  @Test
  void updateAfterSave_seesTheSavedPolicy() {
    policies.update(event, QueuePolicy.defaults(), p -> p.toBuilder().maxActive(3).build());
    policies.save(event, policyWithReadyWindow(8));

    QueuePolicy stored =
        policies.update(event, QueuePolicy.defaults(), p -> p.toBuilder().maxWaiting(4).build());

    assertThat(stored).isEqualTo(policyWithReadyWindow(8).toBuilder().maxWaiting(4).build());
  }

  @Test
  void updateAfterDelete_startsFromTheDefaultsAgain() {
    policies.update(event, QueuePolicy.defaults(), p -> p.toBuilder().maxActive(3).build());
    policies.delete(event);

    QueuePolicy stored =
        policies.update(event, QueuePolicy.defaults(), p -> p.toBuilder().maxWaiting(4).build());

    assertThat(stored).isEqualTo(QueuePolicy.defaults().toBuilder().maxWaiting(4).build());
  }

  @Test
  void updateWhoseChangeFails_storesNothing() {
    policies.save(event, policyWithReadyWindow(42));
    EventId never = newEventId();
    UnaryOperator<QueuePolicy> invalid = p -> p.toBuilder().readyWindow(0).build();

    assertThatThrownBy(() -> policies.update(event, QueuePolicy.defaults(), invalid))
        .isInstanceOf(InvalidPolicy.class);
    assertThatThrownBy(() -> policies.update(never, QueuePolicy.defaults(), invalid))
        .isInstanceOf(InvalidPolicy.class);

    assertThat(policies.find(event)).contains(policyWithReadyWindow(42));
    assertThat(policies.find(never)).isEmpty();
  }

  /**
   * Operators changing different fields at the same moment: one pauses the event while others raise
   * four counters one step at a time. Every single change must survive; an update that read the
   * policy, then wrote it back over another's, would lose steps or the pause.
   */
  @Test
  void concurrentUpdatesOfDifferentFields_eachChangeSurvives() {
    int calls = 120;
    QueuePolicy start = QueuePolicy.defaults();
    List<UnaryOperator<QueuePolicy>> changes =
        IntStream.range(0, calls)
            .<UnaryOperator<QueuePolicy>>mapToObj(
                i ->
                    switch (i % 4) {
                      case 0 ->
                          i == calls / 2
                              ? p -> p.toBuilder().pausedJoins(true).pausedAdmission(true).build()
                              : p -> p.toBuilder().readyWindow(p.readyWindow() + 1).build();
                      case 1 -> p -> p.toBuilder().admissionBurst(p.admissionBurst() + 1).build();
                      case 2 -> p -> p.toBuilder().maxActive(p.maxActive() + 1).build();
                      default -> p -> p.toBuilder().maxWaiting(p.maxWaiting() + 1).build();
                    })
            .map(EventPoliciesContract::descheduled)
            .toList();

    Concurrently.values(
        Concurrently.run(16, calls, i -> policies.update(event, start, changes.get(i))));

    int steps = calls / 4;
    assertThat(policies.find(event))
        .contains(
            start.toBuilder()
                .readyWindow(start.readyWindow() + steps - 1)
                .admissionBurst(start.admissionBurst() + steps)
                .maxActive(start.maxActive() + steps)
                .maxWaiting(start.maxWaiting() + steps)
                .pausedJoins(true)
                .pausedAdmission(true)
                .build());
  }

  /**
   * The change, after giving up the processor: a request may be descheduled between reading the
   * policy and writing it back, and the in-memory store would otherwise hide that window.
   */
  private static UnaryOperator<QueuePolicy> descheduled(UnaryOperator<QueuePolicy> change) {
    return p -> {
      Thread.yield();
      return change.apply(p);
    };
  }
}
