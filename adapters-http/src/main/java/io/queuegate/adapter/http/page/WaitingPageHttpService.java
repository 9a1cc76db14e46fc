package io.queuegate.adapter.http.page;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.queuegate.adapter.http.routing.AllowedMethods;
import io.queuegate.adapter.http.routing.PathParams;
import io.queuegate.adapter.http.routing.Reply;
import io.queuegate.adapter.http.routing.ReplyHandler;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.CaptchaPolicy;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.WaitingPage;
import io.queuegate.domain.port.in.DescribeCaptchaUseCase;
import io.queuegate.domain.port.in.DescribeWaitingPageUseCase;
import java.util.Map;
import java.util.Optional;

/**
 * The waiting page, {@code GET /wait/{event_id}}, and its script and style sheet. The page is
 * rendered per request in the language the browser prefers, with the event's title and target; the
 * script then talks to the queue API like any other client.
 */
public final class WaitingPageHttpService implements HttpService {
  private final DescribeWaitingPageUseCase pages;
  private final DescribeCaptchaUseCase captchas;
  private final CaptchaWidgets widgets;
  private final WaitingPageRenderer renderer = new WaitingPageRenderer();
  private final Reply script = asset("waiting-page.js", "text/javascript; charset=utf-8");
  private final Reply style = asset("waiting-page.css", "text/css; charset=utf-8");
  private final Reply worker = asset("pow-worker.js", "text/javascript; charset=utf-8");

  /** The page without CAPTCHA widgets. */
  public WaitingPageHttpService(DescribeWaitingPageUseCase pages) {
    this(pages, eventId -> CaptchaPolicy.NONE, CaptchaWidgets.NONE);
  }

  /** The page, with the widget of the provider an event's policy names. */
  public WaitingPageHttpService(
      DescribeWaitingPageUseCase pages, DescribeCaptchaUseCase captchas, CaptchaWidgets widgets) {
    this.pages = pages;
    this.captchas = captchas;
    this.widgets = widgets;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(Routes.WAIT, ((ReplyHandler) this::page).toHelidon());
    AllowedMethods.only(rules, Routes.WAIT, "GET");
    rules.get(Routes.PAGE_SCRIPT, ((ReplyHandler) req -> script).toHelidon());
    AllowedMethods.only(rules, Routes.PAGE_SCRIPT, "GET");
    rules.get(Routes.PAGE_STYLE, ((ReplyHandler) req -> style).toHelidon());
    AllowedMethods.only(rules, Routes.PAGE_STYLE, "GET");
    rules.get(Routes.PAGE_WORKER, ((ReplyHandler) req -> worker).toHelidon());
    AllowedMethods.only(rules, Routes.PAGE_WORKER, "GET");
  }

  private Reply page(ServerRequest req) {
    EventId eventId = PathParams.eventId(req);
    WaitingPage page = pages.page(eventId);
    PageLanguage language = PageLanguage.choose(req.headers().first(HeaderNames.ACCEPT_LANGUAGE));
    CaptchaPolicy captcha = captchas.captcha(eventId);
    Optional<CaptchaWidget> widget = captcha.provider().flatMap(widgets::of);
    Map<String, Object> more =
        widget.isEmpty()
            ? Map.of()
            : Map.of(
                "captcha",
                Map.of(
                    "provider", captcha.provider().get().wireName(),
                    "siteKey", captcha.siteKey().orElseThrow(),
                    "script", widget.get().script().toString()));
    String csp = widget.map(PageSecurity::withWidget).orElse(PageSecurity.STRICT);
    return new Reply(
        200,
        "text/html; charset=utf-8",
        renderer
            .render(eventId, page, language, "/", more)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of(
            "Cache-Control", "no-store",
            "Content-Language", language.tag(),
            "Vary", "Accept-Language",
            "Content-Security-Policy", csp,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer"));
  }

  private static Reply asset(String name, String contentType) {
    return new Reply(
        200,
        contentType,
        PageResources.bytes(name),
        Map.of("Cache-Control", "public, max-age=300", "X-Content-Type-Options", "nosniff"));
  }
}
