package io.queuegate.adapter.captcha;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The part of a siteverify answer we use: {@code success} and {@code error-codes}. The three
 * providers add fields of their own (hostname, challenge_ts, action, cdata, score...), ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SiteverifyReply(
    @JsonProperty(value = "success", required = true) Boolean success,
    @JsonProperty("error-codes") List<String> errorCodes) {

  SiteverifyReply {
    errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
  }
}
