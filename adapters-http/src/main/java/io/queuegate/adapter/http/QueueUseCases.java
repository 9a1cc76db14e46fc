package io.queuegate.adapter.http;

import io.queuegate.domain.port.in.CheckReadinessUseCase;
import io.queuegate.domain.port.in.ConfigureEventUseCase;
import io.queuegate.domain.port.in.DeleteEventUseCase;
import io.queuegate.domain.port.in.DescribeCaptchaUseCase;
import io.queuegate.domain.port.in.DescribeEventUseCase;
import io.queuegate.domain.port.in.DescribeShuffleUseCase;
import io.queuegate.domain.port.in.DescribeStreamPaceUseCase;
import io.queuegate.domain.port.in.DescribeWaitingPageUseCase;
import io.queuegate.domain.port.in.EnterQueueUseCase;
import io.queuegate.domain.port.in.IssueChallengeUseCase;
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
    IssueChallengeUseCase challenge,
    DescribeCaptchaUseCase captcha,
    DescribeShuffleUseCase shuffle,
    SetPublicValueUseCase publicValue,
    ReadLogUseCase log,
    DescribeStreamPaceUseCase streamPace) {}
