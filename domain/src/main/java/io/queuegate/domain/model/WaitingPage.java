package io.queuegate.domain.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an event's waiting page shows and where it sends admitted people: the page title, and the
 * target URL that receives the admission token, delivered as {@link TargetDelivery} says. Without a
 * target the page shows the token instead.
 */
public record WaitingPage(
    Optional<String> targetUrl, Optional<String> title, TargetDelivery targetDelivery) {
  public static final int MAX_URL_LENGTH = 2048;
  public static final int MAX_TITLE_LENGTH = 200;

  /** No title and no target: the page shows a generic title and the token. */
  public static final WaitingPage NONE =
      new WaitingPage(Optional.empty(), Optional.empty(), TargetDelivery.QUERY);

  public WaitingPage {
    Objects.requireNonNull(targetUrl);
    Objects.requireNonNull(title);
    Objects.requireNonNull(targetDelivery);
    targetUrl.ifPresent(WaitingPage::checkUrl);
    title.ifPresent(WaitingPage::checkTitle);
  }

  /** Builds a page from operator input, where null or an empty string means "none". */
  public static WaitingPage of(String targetUrl, String title, TargetDelivery delivery) {
    return new WaitingPage(blankToEmpty(targetUrl), blankToEmpty(title), delivery);
  }

  private static Optional<String> blankToEmpty(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static void checkUrl(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw new InvalidPolicy(
          PolicyField.TARGET_URL, "must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidPolicy(PolicyField.TARGET_URL, "must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    // The page navigates to this URL: only http(s) with a host, never javascript: or data:.
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      throw new InvalidPolicy(PolicyField.TARGET_URL, "must be an absolute http or https URL");
    }
  }

  private static void checkTitle(String title) {
    if (title.length() > MAX_TITLE_LENGTH || title.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidPolicy(
          PolicyField.TITLE,
          "must be at most " + MAX_TITLE_LENGTH + " characters, with no control characters");
    }
  }
}
