package io.queuegate.domain.model;

/** The parts of an event's policy an operator can set; names a refused value in an error. */
public enum PolicyField {
  READY_WINDOW,
  ADMISSION_RATE,
  ADMISSION_BURST,
  MAX_ACTIVE,
  MAX_WAITING,
  HEARTBEAT_TIMEOUT,
  ADMISSION_TTL,
  TARGET_URL,
  TITLE,
  TARGET_DELIVERY,
  PROOF_OF_WORK_DIFFICULTY,
  CAPTCHA_PROVIDER,
  CAPTCHA_SITE_KEY,
  CAPTCHA_ON_OUTAGE,
  OPENS_AT,
  PRE_QUEUE_STARTS_AT,
  SHUFFLE_PUBLIC_VALUE_SOURCE
}
