/**
 * The CAPTCHA adapter: asks Turnstile, hCaptcha or reCAPTCHA about a widget's response token over
 * their common {@code siteverify} protocol (docs/design.md#captcha), with the JDK's HTTP client, a
 * deadline and a bound on the calls in flight.
 */
package io.queuegate.adapter.captcha;
