package io.queuegate.adapter.http.envelope;

import io.queuegate.domain.model.PolicyField;

/** The JSON name of each policy field, as the operator API reads and writes it. */
final class PolicyFieldNames {
  private PolicyFieldNames() {}

  static String of(PolicyField field) {
    return switch (field) {
      case READY_WINDOW -> "ready_window";
      case ADMISSION_RATE -> "admission_rate_per_sec";
      case ADMISSION_BURST -> "admission_burst";
      case MAX_ACTIVE -> "max_active";
      case MAX_WAITING -> "max_waiting";
      case HEARTBEAT_TIMEOUT -> "heartbeat_timeout_sec";
      case ADMISSION_TTL -> "admission_ttl_sec";
      case TARGET_URL -> "target_url";
      case TITLE -> "title";
      case TARGET_DELIVERY -> "target_delivery";
      case PROOF_OF_WORK_DIFFICULTY -> "proof_of_work_difficulty";
      case CAPTCHA_PROVIDER -> "captcha_provider";
      case CAPTCHA_SITE_KEY -> "captcha_site_key";
      case CAPTCHA_ON_OUTAGE -> "captcha_on_outage";
      case OPENS_AT -> "opens_at";
      case PRE_QUEUE_STARTS_AT -> "pre_queue_starts_at";
      case SHUFFLE_PUBLIC_VALUE_SOURCE -> "shuffle_public_value_source";
    };
  }
}
