package io.queuegate.domain.port.out;

import static io.queuegate.domain.port.out.StoreFixtures.newEventId;
import static io.queuegate.domain.port.out.StoreFixtures.policyWithReadyWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventPolicies} must do: keep, replace and delete one policy per event. */
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
}
