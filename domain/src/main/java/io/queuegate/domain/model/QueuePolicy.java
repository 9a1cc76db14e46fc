package io.queuegate.domain.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one event's line behaves. {@code maxActive} and {@code maxWaiting} use 0 for "no limit";
 * {@code page} says what the event's waiting page shows and where it sends admitted people. Build
 * one with {@link #builder()} (from the defaults) or {@link #toBuilder()} (from another policy).
 */
public record QueuePolicy(
    long readyWindow,
    double admissionRatePerSec,
    long admissionBurst,
    long maxActive,
    long maxWaiting,
    Duration heartbeatTimeout,
    Duration admissionTtl,
    boolean pausedJoins,
    boolean pausedAdmission,
    boolean requireEnqueueToken,
    WaitingPage page,
    boolean requireProofOfWork,
    long proofOfWorkDifficulty,
    CaptchaPolicy captcha,
    Optional<SaleSchedule> schedule) {

  public static final long UNLIMITED = 0;
  private static final long MAX_COUNT = 1_000_000;
  private static final long MAX_SECONDS = 86_400;

  /** The bounds of {@link #proofOfWorkDifficulty}: ALTCHA's {@code maxnumber} at base pressure. */
  public static final long MIN_DIFFICULTY = 1_000;

  public static final long MAX_DIFFICULTY = 10_000_000;
  public static final long DEFAULT_DIFFICULTY = 50_000;

  public QueuePolicy {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(captcha, "captcha");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(admissionTtl, "admissionTtl");
    check(
        readyWindow >= 1 && readyWindow <= MAX_COUNT,
        PolicyField.READY_WINDOW,
        "must be 1 to " + MAX_COUNT);
    check(
        admissionRatePerSec > 0 && admissionRatePerSec <= MAX_COUNT,
        PolicyField.ADMISSION_RATE,
        "must be above 0 and at most " + MAX_COUNT);
    check(
        admissionBurst >= 1 && admissionBurst <= MAX_COUNT,
        PolicyField.ADMISSION_BURST,
        "must be 1 to " + MAX_COUNT);
    checkLimiterSpan(admissionRatePerSec, admissionBurst);
    check(maxActive >= 0, PolicyField.MAX_ACTIVE, "must be 0 (no limit) or more");
    check(maxWaiting >= 0, PolicyField.MAX_WAITING, "must be 0 (no limit) or more");
    check(
        inSeconds(heartbeatTimeout),
        PolicyField.HEARTBEAT_TIMEOUT,
        "must be 1 to " + MAX_SECONDS + " seconds");
    check(
        inSeconds(admissionTtl),
        PolicyField.ADMISSION_TTL,
        "must be 1 to " + MAX_SECONDS + " seconds");
    check(
        proofOfWorkDifficulty >= MIN_DIFFICULTY && proofOfWorkDifficulty <= MAX_DIFFICULTY,
        PolicyField.PROOF_OF_WORK_DIFFICULTY,
        "must be " + MIN_DIFFICULTY + " to " + MAX_DIFFICULTY);
  }

  /**
   * The defaults of an event nobody configured: a ready window of 100, 50 admissions a second with
   * a burst of 500, no active or waiting limit, a 300 s heartbeat timeout and admission lifetime,
   * no proof of work (difficulty 50,000 once required), no CAPTCHA, no scheduled opening.
   */
  public static QueuePolicy defaults() {
    return new QueuePolicy(
        100,
        50,
        500,
        UNLIMITED,
        UNLIMITED,
        Duration.ofSeconds(300),
        Duration.ofSeconds(300),
        false,
        false,
        false,
        WaitingPage.NONE,
        false,
        DEFAULT_DIFFICULTY,
        CaptchaPolicy.NONE,
        Optional.empty());
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder that starts from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The admission limiter this policy describes. */
  public Gcra admissionLimiter() {
    return new Gcra(admissionRatePerSec, admissionBurst);
  }

  // The limiter's arithmetic must not overflow (see Gcra.MAX_SPAN_NANOS). A rate too slow for even
  // a burst of one is the rate's fault; otherwise the burst is too large for the rate.
  private static void checkLimiterSpan(double rate, long burst) {
    String bound =
        ": (burst + 1) / rate must be at most "
            + Gcra.MAX_SPAN_NANOS / 1_000_000_000L
            + " seconds (about 104 days)";
    check(Gcra.fits(rate, 1), PolicyField.ADMISSION_RATE, "is too small" + bound);
    check(Gcra.fits(rate, burst), PolicyField.ADMISSION_BURST, "is too large for the rate" + bound);
  }

  private static boolean inSeconds(Duration value) {
    return value.toSeconds() >= 1 && value.toSeconds() <= MAX_SECONDS;
  }

  private static void check(boolean ok, PolicyField field, String rule) {
    if (!ok) {
      throw new InvalidPolicy(field, rule);
    }
  }

  /** Changes some fields of a policy; {@link #build()} checks every range. */
  public static final class Builder {
    private long readyWindow;
    private double admissionRatePerSec;
    private long admissionBurst;
    private long maxActive;
    private long maxWaiting;
    private Duration heartbeatTimeout;
    private Duration admissionTtl;
    private boolean pausedJoins;
    private boolean pausedAdmission;
    private boolean requireEnqueueToken;
    private WaitingPage page;
    private boolean requireProofOfWork;
    private long proofOfWorkDifficulty;
    private CaptchaPolicy captcha;
    private Optional<SaleSchedule> schedule;

    private Builder(QueuePolicy from) {
      readyWindow = from.readyWindow;
      admissionRatePerSec = from.admissionRatePerSec;
      admissionBurst = from.admissionBurst;
      maxActive = from.maxActive;
      maxWaiting = from.maxWaiting;
      heartbeatTimeout = from.heartbeatTimeout;
      admissionTtl = from.admissionTtl;
      pausedJoins = from.pausedJoins;
      pausedAdmission = from.pausedAdmission;
      requireEnqueueToken = from.requireEnqueueToken;
      page = from.page;
      requireProofOfWork = from.requireProofOfWork;
      proofOfWorkDifficulty = from.proofOfWorkDifficulty;
      captcha = from.captcha;
      schedule = from.schedule;
    }

    public Builder captcha(CaptchaPolicy value) {
      captcha = value;
      return this;
    }

    public Builder requireProofOfWork(boolean value) {
      requireProofOfWork = value;
      return this;
    }

    public Builder proofOfWorkDifficulty(long value) {
      proofOfWorkDifficulty = value;
      return this;
    }

    public Builder readyWindow(long value) {
      readyWindow = value;
      return this;
    }

    public Builder admissionRatePerSec(double value) {
      admissionRatePerSec = value;
      return this;
    }

    public Builder admissionBurst(long value) {
      admissionBurst = value;
      return this;
    }

    public Builder maxActive(long value) {
      maxActive = value;
      return this;
    }

    public Builder maxWaiting(long value) {
      maxWaiting = value;
      return this;
    }

    public Builder heartbeatTimeout(Duration value) {
      heartbeatTimeout = value;
      return this;
    }

    public Builder admissionTtl(Duration value) {
      admissionTtl = value;
      return this;
    }

    public Builder pausedJoins(boolean value) {
      pausedJoins = value;
      return this;
    }

    public Builder pausedAdmission(boolean value) {
      pausedAdmission = value;
      return this;
    }

    public Builder requireEnqueueToken(boolean value) {
      requireEnqueueToken = value;
      return this;
    }

    public Builder page(WaitingPage value) {
      page = value;
      return this;
    }

    public Builder schedule(Optional<SaleSchedule> value) {
      schedule = value;
      return this;
    }

    /**
     * @throws InvalidPolicy when a value is out of its range
     */
    public QueuePolicy build() {
      return new QueuePolicy(
          readyWindow,
          admissionRatePerSec,
          admissionBurst,
          maxActive,
          maxWaiting,
          heartbeatTimeout,
          admissionTtl,
          pausedJoins,
          pausedAdmission,
          requireEnqueueToken,
          page,
          requireProofOfWork,
          proofOfWorkDifficulty,
          captcha,
          schedule);
    }
  }
}
