package io.queuegate.domain.port.in;

import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.EventId;

/** The public part of an event's CAPTCHA policy that its waiting page needs: provider, site key. */
public interface DescribeCaptchaUseCase {

  /** The event's CAPTCHA policy; {@link CaptchaPolicy#NONE} when it has none. */
  CaptchaPolicy captcha(EventId eventId);
}
