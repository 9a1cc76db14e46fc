package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.TargetDelivery;
import io.queuegate.domain.model.WaitingPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WaitingPageRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.withoutOperatorApi();
  private static final EventId CONCERT = new EventId("concert-2030");

  private final Api api = FIX.api();

  @Test
  void pageWithoutAcceptLanguage_isEnglishHtmlWithTheDefaultTitle() {
    Exchange res = api.get("/wait/concert-2030").send();

    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).startsWith("text/html");
    assertThat(res.header("Content-Language")).isEqualTo("en");
    assertThat(res.header("Cache-Control")).isEqualTo("no-store");
    assertThat(res.header("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(res.body())
        .contains("<html lang=\"en\">", "<title>Waiting room</title>", "aria-live=\"polite\"")
        .contains("\"eventId\":\"concert-2030\"", "\"targetUrl\":null", "\"delivery\":\"query\"");
  }

  @Test
  void pageForKoreanBrowser_isKorean() {
    Exchange res =
        api.get("/wait/concert-2030").header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8").send();

    assertThat(res.header("Content-Language")).isEqualTo("ko");
    assertThat(res.body()).contains("<html lang=\"ko\">", "<title>대기실</title>", "내 대기 순번");
    // The ETA's range in words ("약 6~9분"), and the announcement that carries it.
    assertThat(res.body())
        .contains("\"eta.rangeMinutes\":\"약 {low}~{high}분\"")
        .contains("\"status.waitingFor\":\"현재 {position}번째입니다. 예상 대기 시간: {eta}.\"");
  }

  @Test
  void page_explainsTheRandomOrderInOneSentence_andLinksTheEventsShuffle() {
    Exchange en = api.get("/wait/concert-2030").send();
    Exchange ko = api.get("/wait/concert-2030").header("Accept-Language", "ko-KR,ko;q=0.9").send();

    String link = "<a href=\"/api/v1/events/concert-2030/shuffle\" id=\"qg-shuffle\">";
    assertThat(en.body())
        .contains(
            "Everyone who arrived before the sale opened was given a random place; later arrivals"
                + " line up in order.",
            link,
            "role=\"timer\"");
    assertThat(ko.body()).contains("판매 시작 전에 도착한 모든 분께는 무작위로 순번이 정해지고", link, "추첨 확인하기");
  }

  @Test
  void page_hasAFoldedReceiptSection_inEnglishAndKorean_linkingTheEventsLog() {
    Exchange en = api.get("/wait/concert-2030").send();
    Exchange ko = api.get("/wait/concert-2030").header("Accept-Language", "ko-KR,ko;q=0.9").send();

    String link = "<a href=\"/api/v1/events/concert-2030/log\" id=\"qg-log\">";
    // Hidden until the script has a receipt to show; an answer without one shows nothing.
    assertThat(en.body())
        .contains(
            "<details class=\"qg-receipt\" id=\"qg-receipt\" hidden>",
            "<summary>Your receipt</summary>",
            "This signed receipt proves that you joined this line and when; anyone can check it"
                + " against "
                + link
                + "the event&#39;s public log</a> with scripts/verify-log from the queuegate project.",
            "<textarea id=\"qg-receipt-value\" readonly",
            ">Copy</button>",
            "\"status.copied\":\"Copied\"");
    assertThat(ko.body())
        .contains(
            "<summary>내 영수증</summary>",
            link + "이 판매의 공개 기록</a>과 대조해 확인할 수 있습니다.",
            ">복사</button>",
            "\"status.copied\":\"복사했습니다\"");
    assertThat(en.header("Content-Security-Policy")).doesNotContain("unsafe-inline");
  }

  @Test
  void operatorTitleAndTarget_areRenderedEscaped() {
    when(FIX.useCases.waitingPage().page(CONCERT))
        .thenReturn(
            WaitingPage.of(
                "https://shop.example/book?a=1&b=2",
                "Tour </script><script>alert(1)</script> & \"more\"",
                TargetDelivery.FORM));

    Exchange res = api.get("/wait/concert-2030").send();

    assertThat(res.body())
        .contains(
            "<title>Tour &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                + "&quot;more&quot;</title>")
        .contains("\"targetUrl\":\"https://shop.example/book?a=1\\u0026b=2\"")
        .contains("\"delivery\":\"form\"")
        .doesNotContain("<script>alert(1)");
  }

  @Test
  void invalidEventId_returns400EnvelopeWithoutLookingUpThePage() {
    Exchange res = api.get("/wait/bad%20id").send();

    assertThat(res.status()).isEqualTo(400);
    assertThat(res.errorCode()).isEqualTo("INVALID_EVENT_ID");
    verifyNoInteractions(FIX.useCases.waitingPage());
  }

  @Test
  void scriptAndStyle_areServedWithTheirTypes() {
    Exchange script = api.get(Routes.PAGE_SCRIPT).send();
    Exchange style = api.get(Routes.PAGE_STYLE).send();

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.body()).contains("sendBeacon", "EventSource");
    assertThat(style.header("Content-Type")).startsWith("text/css");
    assertThat(style.body()).contains("tabular-nums");
  }

  @Test
  void proofOfWorkWorker_isServedFromTheSameOrigin_underTheUnchangedPolicy() {
    Exchange worker = api.get(Routes.PAGE_WORKER).send();

    assertThat(worker.status()).isEqualTo(200);
    assertThat(worker.header("Content-Type")).startsWith("text/javascript");
    assertThat(worker.body()).contains("crypto.subtle.digest", "SHA-256");
  }

  @Test
  void postToThePage_returns405() {
    Exchange res = api.post("/wait/concert-2030").send("{}");

    assertThat(res.status()).isEqualTo(405);
    assertThat(res.header("Allow")).isEqualTo("GET");
  }
}
