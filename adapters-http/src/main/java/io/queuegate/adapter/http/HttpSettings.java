package io.queuegate.adapter.http;

import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.adapter.http.filter.CorsPolicy;
import io.queuegate.adapter.http.operations.VersionInfo;
import io.queuegate.adapter.http.page.CaptchaWidgets;
import io.queuegate.adapter.http.queue.PushSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP adapter needs from configuration: the operator token (none means no operator API),
 * how clients are told apart (trusted proxies, the IPv6 prefix, backend networks), the body limit,
 * the build's version, the limits of the status event stream and the origins allowed to call the
 * queue API from a browser, and the widgets of the CAPTCHA providers that have a secret.
 */
public record HttpSettings(
    Optional<String> adminToken,
    ClientSettings clients,
    int maxBodyBytes,
    VersionInfo version,
    PushSettings push,
    CorsPolicy cors,
    CaptchaWidgets captchaWidgets) {

  /** The request body limit of docs/design.md#identifiers. */
  public static final int DEFAULT_MAX_BODY_BYTES = 8192;

  /** Settings with the default stream limits. */
  public HttpSettings(
      Optional<String> adminToken,
      List<String> trustedProxies,
      int maxBodyBytes,
      VersionInfo version) {
    this(adminToken, trustedProxies, maxBodyBytes, version, PushSettings.DEFAULTS);
  }

  /** Settings that allow no cross-origin calls. */
  public HttpSettings(
      Optional<String> adminToken,
      List<String> trustedProxies,
      int maxBodyBytes,
      VersionInfo version,
      PushSettings push) {
    this(
        adminToken,
        ClientSettings.behind(trustedProxies),
        maxBodyBytes,
        version,
        push,
        CorsPolicy.NONE);
  }

  /** Settings without CAPTCHA widgets. */
  public HttpSettings(
      Optional<String> adminToken,
      ClientSettings clients,
      int maxBodyBytes,
      VersionInfo version,
      PushSettings push,
      CorsPolicy cors) {
    this(adminToken, clients, maxBodyBytes, version, push, cors, CaptchaWidgets.NONE);
  }

  public HttpSettings {
    Objects.requireNonNull(captchaWidgets);
    Objects.requireNonNull(adminToken);
    Objects.requireNonNull(cors);
    Objects.requireNonNull(version);
    Objects.requireNonNull(push);
    Objects.requireNonNull(clients);
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }
}
