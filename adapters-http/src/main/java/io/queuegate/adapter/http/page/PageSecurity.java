package io.queuegate.adapter.http.page;

/**
 * The waiting page's Content Security Policy. The script and style are inline-free, so the policy
 * forbids inline code entirely; form posts go to the operator's target, which can be any site. The
 * proof-of-work worker is a same-origin script, which worker-src falls back to script-src 'self'
 * for. Only an event whose policy names a CAPTCHA provider gets that provider's sources, in the
 * directives its widget uses (docs/design.md#captcha); every other event keeps {@link #STRICT}.
 */
final class PageSecurity {
  static final String STRICT =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

  private PageSecurity() {}

  /** The strict policy with the widget's sources added to script, style, frame and connect. */
  static String withWidget(CaptchaWidget widget) {
    String sources = widget.cspSources();
    return "default-src 'self'; script-src 'self' "
        + sources
        + "; style-src 'self' "
        + sources
        + "; img-src 'self' data:; connect-src 'self' "
        + sources
        + "; frame-src "
        + sources
        + "; base-uri 'none'; frame-ancestors 'none'";
  }
}
