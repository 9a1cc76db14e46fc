package io.queuegate.domain.model;

/**
 * The one family of expected failures. Adapters map each subtype to a response in one exhaustive
 * switch, so a new failure that nobody maps does not compile.
 */
public abstract sealed class QueueException extends RuntimeException
    permits MissingEventId,
        InvalidEventId,
        InvalidUserId,
        InvalidPolicy,
        WaiterNotFound,
        WaiterExpired,
        NotReady,
        EventPaused,
        QueueFull,
        EnqueueTokenRequired,
        InvalidEnqueueToken,
        IdempotencyConflict,
        DuplicateRequest,
        RateLimited,
        StoreUnavailableException,
        InvalidAdmissionToken,
        AdmissionAlreadyUsed,
        InvalidRoom,
        RoomNotFound,
        InvalidReturnUrl,
        RoomClosed,
        ProofOfWorkRequired,
        InvalidProofOfWork,
        CaptchaRequired,
        InvalidCaptcha,
        CaptchaUnavailable,
        SaleNotStarted,
        ShuffleNotFound,
        ShuffleLocked,
        InvalidPublicValue {

  protected QueueException(String message) {
    super(message, null, false, false);
  }

  protected QueueException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
