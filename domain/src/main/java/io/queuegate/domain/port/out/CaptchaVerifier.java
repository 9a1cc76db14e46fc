package io.queuegate.domain.port.out;

import io.queuegate.domain.model.CaptchaAnswer;
import io.queuegate.domain.model.CaptchaProvider;
import io.queuegate.domain.model.CaptchaVerdict;

/**
 * Asks a CAPTCHA provider whether a widget's response token is good (docs/design.md#captcha).
 * Implementations bound the time and the number of calls in flight, and never throw for the
 * provider's failures: those are {@link CaptchaVerdict#UNAVAILABLE}.
 */
public interface CaptchaVerifier {

  /** Whether this deployment holds a secret for {@code provider}, so it can verify its tokens. */
  boolean supports(CaptchaProvider provider);

  /** The provider's verdict on {@code answer}; UNAVAILABLE for a provider it does not support. */
  CaptchaVerdict verify(CaptchaProvider provider, CaptchaAnswer answer);

  /** A deployment without any provider configured. */
  CaptchaVerifier NONE =
      new CaptchaVerifier() {
        @Override
        public boolean supports(CaptchaProvider provider) {
          return false;
        }

        @Override
        public CaptchaVerdict verify(CaptchaProvider provider, CaptchaAnswer answer) {
          return CaptchaVerdict.UNAVAILABLE;
        }
      };
}
