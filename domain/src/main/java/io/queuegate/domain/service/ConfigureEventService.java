package io.queuegate.domain.service;

import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidPolicy;
import io.queuegate.domain.model.PolicyField;
import io.queuegate.domain.model.QueuePolicy;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.out.CaptchaVerifier;
import io.queuegate.domain.port.out.EventPolicies;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Changes an event's stored policy, starting from the defaults when it has none yet. The store
 * applies the change atomically (see docs/design.md#operator-api), so two operators changing
 * different fields at once both keep their change. A heartbeat timeout too short for the pace
 * clients are asked to poll at is refused.
 */
public final class ConfigureEventService implements ConfigureEventUseCase {
  private final EventPolicies policies;
  private final PolicyCatalog catalog;
  private final HeartbeatCadence cadence;
  private final CaptchaVerifier captcha;
  private final Optional<SaleOpening> opening;
  private final Clock clock;

  /**
   * @param captcha says which CAPTCHA providers have a secret here; a policy may name only those
   * @param opening with it, a schedule gets its sealed seed as soon as it is stored; without it,
   *     policies with a schedule are refused
   */
  public ConfigureEventService(
      EventPolicies policies,
      PolicyCatalog catalog,
      HeartbeatCadence cadence,
      CaptchaVerifier captcha,
      Optional<SaleOpening> opening,
      Clock clock) {
    this.captcha = Objects.requireNonNull(captcha);
    this.policies = Objects.requireNonNull(policies);
    this.catalog = Objects.requireNonNull(catalog);
    this.cadence = Objects.requireNonNull(cadence);
    this.opening = Objects.requireNonNull(opening);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public QueuePolicy configure(EventId eventId, UnaryOperator<QueuePolicy> change) {
    Objects.requireNonNull(change, "change");
    QueuePolicy next =
        policies.update(
            eventId,
            catalog.defaults(),
            current -> {
              QueuePolicy changed = Objects.requireNonNull(change.apply(current), "changed policy");
              // Only a new timeout is checked: a policy stored before the rule existed can still be
              // paused.
              if (!changed.heartbeatTimeout().equals(current.heartbeatTimeout())) {
                cadence.check(changed);
              }
              // Likewise only a newly named provider: pausing must work after a secret is dropped.
              if (!changed.captcha().provider().equals(current.captcha().provider())) {
                changed.captcha().provider().ifPresent(this::checkSecret);
              }
              if (!changed.schedule().equals(current.schedule())) {
                saleOpening(); // without it a schedule is refused before it is stored
                ScheduleRule.check(current.schedule(), changed.schedule(), clock.instant());
              }
              return changed;
            });
    // Other instances see the change when their cache entry lapses; this one sees it now.
    catalog.forget(eventId);
    if (next.schedule().isPresent()) {
      // The commitment is public from the moment the schedule is (docs/fairness.md).
      SaleOpening sale = saleOpening();
      sale.seal(eventId);
      sale.forget(eventId);
    }
    return next;
  }

  private SaleOpening saleOpening() {
    return opening.orElseThrow(
        () -> new IllegalStateException("a scheduled sale needs the opening"));
  }

  private void checkSecret(CaptchaProvider provider) {
    if (!captcha.supports(provider)) {
      String name = provider.wireName();
      throw new InvalidPolicy(
          PolicyField.CAPTCHA_PROVIDER,
          "names "
              + name
              + ", which has no secret on this service: set QUEUEGATE_CAPTCHA_"
              + name.toUpperCase(java.util.Locale.ROOT)
              + "_SECRET or _SECRET_FILE (docs/design.md#captcha)");
    }
  }
}
