package io.queuegate.adapter.http.page;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a CAPTCHA provider's widget script lives, and the sources its widget needs beyond that
 * script's origin (frames, styles, calls), which the page's Content Security Policy then allows for
 * events using the provider, and only for them (docs/design.md#captcha).
 */
public record CaptchaWidget(URI script, List<String> sources) {
  public CaptchaWidget {
    Objects.requireNonNull(script);
    sources = List.copyOf(sources);
    String scheme = script.getScheme() == null ? "" : script.getScheme();
    if (!(scheme.equals("https") || scheme.equals("http")) || script.getHost() == null) {
      throw new IllegalArgumentException("a widget URL must be absolute http(s): " + script);
    }
    for (String source : sources) {
      // One CSP source each: a space or ';' would smuggle in another directive.
      if (!source.matches("[A-Za-z0-9:/._*\\-]+")) {
        throw new IllegalArgumentException("not a CSP source: " + source);
      }
    }
  }

  /** The script's origin first, then the configured sources, each once. */
  String cspSources() {
    Set<String> all = new LinkedHashSet<>();
    String port = script.getPort() < 0 ? "" : ":" + script.getPort();
    all.add(script.getScheme() + "://" + script.getHost() + port);
    all.addAll(sources);
    return String.join(" ", all);
  }
}
