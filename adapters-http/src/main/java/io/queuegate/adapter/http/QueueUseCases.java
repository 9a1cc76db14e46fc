package io.queuegate.adapter.http;

import io.queuegate.domain.log.LogPage;
import io.queuegate.domain.model.ShuffleNotFound;
import io.queuegate.domain.port.in.CheckReadinessUseCase;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.in.DeleteEventUseCase;
import io.queuegate.domain.port.in.DescribeEventUseCase;
import io.queuegate.domain.port.in.DescribeShuffleUseCase;
import io.queuegate.domain.port.in.DescribeWaitingPageUseCase;
import io.queuegate.domain.port.in.EnterQueueUseCase;
import io.queuegate.domain.port.in.JoinQueueUseCase;
import io.queuegate.domain.port.in.LeaveQueueUseCase;
import io.queuegate.domain.port.in.PauseEventUseCase;
import io.queuegate.domain.port.in.PublishKeysUseCase;
import io.queuegate.domain.port.in.QueueStatusUseCase;
import io.queuegate.domain.port.in.RateLimitUseCase;
import io.queuegate.domain.port.in.ReadLogUseCase;
import io.queuegate.domain.port.in.RunOnceUseCase;
import io.queuegate.domain.port.in.SetPublicValueUseCase;
import io.queuegate.domain.port.in.VerifyAdmissionUseCase;
import java.util.List;

/** Every use case the HTTP adapter calls, handed over by the composition root. */
public record QueueUseCases(
    JoinQueueUseCase join,
    QueueStatusUseCase status,
    EnterQueueUseCase enter,
    LeaveQueueUseCase leave,
    VerifyAdmissionUseCase verify,
    PublishKeysUseCase keys,
    ConfigureEventUseCase configure,
    PauseEventUseCase pause,
    DescribeEventUseCase describe,
    DeleteEventUseCase delete,
    CheckReadinessUseCase readiness,
    RateLimitUseCase rateLimit,
    RunOnceUseCase idempotency,
    DescribeWaitingPageUseCase waitingPage,
    DescribeShuffleUseCase shuffle,
    SetPublicValueUseCase publicValue,
    ReadLogUseCase log) {

  /** The use cases of a service without scheduled sales: the shuffle routes answer 404. */
  public QueueUseCases(
      JoinQueueUseCase join,
      QueueStatusUseCase status,
      EnterQueueUseCase enter,
      LeaveQueueUseCase leave,
      VerifyAdmissionUseCase verify,
      PublishKeysUseCase keys,
      ConfigureEventUseCase configure,
      PauseEventUseCase pause,
      DescribeEventUseCase describe,
      DeleteEventUseCase delete,
      CheckReadinessUseCase readiness,
      RateLimitUseCase rateLimit,
      RunOnceUseCase idempotency,
      DescribeWaitingPageUseCase waitingPage) {
    this(
        join,
        status,
        enter,
        leave,
        verify,
        keys,
        configure,
        pause,
        describe,
        delete,
        readiness,
        rateLimit,
        idempotency,
        waitingPage,
        eventId -> {
          throw new ShuffleNotFound();
        },
        (eventId, value) -> {
          throw new ShuffleNotFound();
        },
        (eventId, after, limit) -> new LogPage(after, limit, List.of()));
  }
}
