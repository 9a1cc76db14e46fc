package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.helidon.webserver.testing.junit5.DirectClient;
import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.AdmissionGrant;
import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitRequest;
import io.queuegate.domain.model.RateLimitRule;
import io.queuegate.domain.model.RateLimitScope;
import io.queuegate.domain.model.WaiterId;
import io.queuegate.domain.model.WaiterNotFound;
import io.queuegate.domain.model.WaitingToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitRoutesTest {
  @RegisterExtension
  static final RoutingFixture FIX =
      RoutingFixture.withClients(
          new ClientSettings(List.of("10.0.0.0/8"), 64, List.of("198.51.100.0/24")));

  private static final RateDecision REFUSED =
      new RateDecision(false, 20, 0, Duration.ofMillis(250), Duration.ofSeconds(4));
  private static final String BODY = "{\"event_id\":\"concert\"}";

  private final DirectClient client = FIX.client();
  private final Api api = FIX.api();
  private final String token = token();
  private final String neighbour = token();

  private static String token() {
    return new WaitingToken(new EventId("concert"), WaiterId.random()).encode();
  }

  private static RateLimitRequest byToken(String token, String client, RateLimitScope scope) {
    return RateLimitRequest.byToken(WaitingToken.parse(token).orElseThrow(), client, scope);
  }

  private static RateLimitRequest byClient(RateLimitRule rule, String client, RateLimitScope s) {
    return RateLimitRequest.byClient(rule, client, s);
  }

  @BeforeEach
  void answerJoinsAndChecks() {
    when(FIX.useCases.join().join(any()))
        .thenReturn(Answers.receipt(WaitingToken.parse(token).orElseThrow(), 1, 1, 1000));
    when(FIX.useCases.status().status(anyString()))
        .thenReturn(Answers.status(3, 10, 1, false, 1000));
    when(FIX.useCases.verify().verify(anyString(), anyBoolean()))
        .thenThrow(new InvalidAdmissionToken("test"));
  }

  @AfterEach
  void restorePeer() {
    client.clientHost("localhost");
  }

  @Test
  void overTheLimit_returns429WithRetryAfterAndLimitHeaders() {
    when(FIX.useCases.rateLimit().acquire(any())).thenReturn(REFUSED);

    Exchange res = api.get(Routes.STATUS).query("token", token).send();

    assertThat(res.status()).isEqualTo(429);
    assertThat(res.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(res.header("Retry-After")).isEqualTo("1");
    assertThat(res.header("X-RateLimit-Limit")).isEqualTo("20");
    assertThat(res.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(res.header("X-RateLimit-Reset")).isEqualTo("4");
    verifyNoInteractions(FIX.useCases.status());
  }

  @Test
  void joinOverTheLimit_returns429FromTheFilter() {
    when(FIX.useCases.rateLimit().acquire(any())).thenReturn(REFUSED);

    Exchange res = api.post(Routes.JOIN).idempotencyKey().send(BODY);

    assertThat(res.status()).isEqualTo(429);
    assertThat(res.header("X-RateLimit-Limit")).isEqualTo("20");
    verifyNoInteractions(FIX.useCases.join());
  }

  @Test
  void peerOutsideTrustedProxies_isTheClientWhateverXForwardedForSays() {
    client.clientHost("192.0.2.7");

    api.post(Routes.JOIN).idempotencyKey().header("X-Forwarded-For", "203.0.113.9").send(BODY);

    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.JOIN, "192.0.2.7", RateLimitScope.SHARED));
  }

  @Test
  void trustedProxyPeer_makesRightMostUntrustedForwardedAddressTheClient() {
    client.clientHost("10.1.2.3");

    api.get(Routes.STATUS)
        .query("token", token)
        .header("X-Forwarded-For", "1.1.1.1, 203.0.113.9, 10.9.9.9")
        .send();

    verify(FIX.useCases.rateLimit())
        .acquire(byToken(token, "203.0.113.9", RateLimitScope.INSTANCE));
  }

  @Test
  void ipv6Clients_areCountedByTheirSlash64() {
    client.clientHost("2001:db8:1:2::5");
    api.post(Routes.JOIN).idempotencyKey().send(BODY);
    client.clientHost("2001:db8:1:2:ffff:eeee:dddd:9");
    api.post(Routes.JOIN).idempotencyKey().send(BODY);
    client.clientHost("2001:db8:1:3::5");
    api.post(Routes.JOIN).idempotencyKey().send(BODY);

    RateLimitRequest sameNetwork =
        byClient(RateLimitRule.JOIN, "2001:db8:1:2:0:0:0:0/64", RateLimitScope.SHARED);
    verify(FIX.useCases.rateLimit(), times(2)).acquire(sameNetwork);
    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.JOIN, "2001:db8:1:3:0:0:0:0/64", RateLimitScope.SHARED));
  }

  @Test
  void waitersRoutes_areCountedByTheirToken_readsInTheInstanceChangesAcrossInstances() {
    client.clientHost("192.0.2.8");
    when(FIX.useCases.status().status(token)).thenReturn(Answers.status(3, 10, 1, false, 1000));
    when(FIX.useCases.enter().enter(token))
        .thenReturn(new AdmissionGrant("jwt", 300, Instant.parse("2030-01-01T00:05:00Z")));
    when(FIX.useCases.leave().leave(token)).thenReturn(true);

    api.get(Routes.STATUS).query("token", token).send();
    api.post(Routes.ENTER).idempotencyKey().send("{\"waiting_token\":\"" + token + "\"}");
    api.post(Routes.LEAVE).send("{\"waiting_token\":\"" + token + "\"}");
    api.delete(Routes.LEAVE).query("token", token).send();

    verify(FIX.useCases.rateLimit()).acquire(byToken(token, "192.0.2.8", RateLimitScope.INSTANCE));
    verify(FIX.useCases.rateLimit(), times(3))
        .acquire(byToken(token, "192.0.2.8", RateLimitScope.SHARED));
    verify(FIX.useCases.rateLimit(), never())
        .acquire(argThat(request -> request.rule() != RateLimitRule.TOKEN));
    verify(FIX.useCases.enter()).enter(token);
  }

  @Test
  void tokenOverItsLimit_is429_whileAnotherTokenOfTheSameAddressIsServed() {
    client.clientHost("192.0.2.9");
    when(FIX.useCases.rateLimit().acquire(byToken(token, "192.0.2.9", RateLimitScope.INSTANCE)))
        .thenReturn(REFUSED);
    when(FIX.useCases.status().status(neighbour)).thenReturn(Answers.status(4, 10, 1, false, 1000));

    Exchange greedy = api.get(Routes.STATUS).query("token", token).send();
    Exchange other = api.get(Routes.STATUS).query("token", neighbour).send();

    assertThat(greedy.status()).isEqualTo(429);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.header("X-RateLimit-Limit")).isEqualTo("100");
  }

  @Test
  void allowedStatus_carriesTheDecisionInItsLimitHeaders_smallAndLargeNumbersAlike() {
    client.clientHost("192.0.2.11");
    when(FIX.useCases.rateLimit().acquire(any()))
        .thenReturn(new RateDecision(true, 20, 19, Duration.ZERO, Duration.ofMillis(1)))
        .thenReturn(
            new RateDecision(true, 100_000, 99_998, Duration.ZERO, Duration.ofSeconds(1_000)))
        .thenReturn(new RateDecision(true, 20, -3, Duration.ZERO, Duration.ofMillis(-5)));

    Exchange small = api.get(Routes.STATUS).query("token", token).send();
    Exchange large = api.get(Routes.STATUS).query("token", token).send();
    Exchange odd = api.get(Routes.STATUS).query("token", token).send();

    assertThat(List.of(small, large, odd)).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    assertThat(limitHeaders(small)).containsExactly("20", "19", "1");
    assertThat(limitHeaders(large)).containsExactly("100000", "99998", "1000");
    assertThat(limitHeaders(odd)).containsExactly("20", "0", "0");
  }

  private static List<String> limitHeaders(Exchange res) {
    return List.of(
        res.header("X-RateLimit-Limit"),
        res.header("X-RateLimit-Remaining"),
        res.header("X-RateLimit-Reset"));
  }

  @Test
  void malformedToken_isCountedAgainstTheAddressUnknownTokenLimit() {
    client.clientHost("192.0.2.10");
    RateLimitRequest unknown =
        byClient(RateLimitRule.UNKNOWN_TOKEN, "192.0.2.10", RateLimitScope.INSTANCE);
    when(FIX.useCases.rateLimit().acquire(unknown)).thenReturn(REFUSED);

    Exchange res = api.get(Routes.STATUS).query("token", "not-a-token").send();
    Exchange none = api.get(Routes.STATUS).send();

    assertThat(res.status()).isEqualTo(429);
    assertThat(none.status()).isEqualTo(429);
    verifyNoInteractions(FIX.useCases.status());
  }

  @Test
  void tokenThatNamesNoWaiter_is404_andCountedAsUnknownOnce() {
    client.clientHost("192.0.2.11");
    when(FIX.useCases.status().status(token)).thenThrow(new WaiterNotFound());

    Exchange res = api.get(Routes.STATUS).query("token", token).send();

    assertThat(res.status()).isEqualTo(404);
    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.UNKNOWN_TOKEN, "192.0.2.11", RateLimitScope.INSTANCE));
  }

  @Test
  void leaveOfATokenThatHeldNoPlace_is200_andCountedAsUnknown() {
    client.clientHost("192.0.2.12");

    Exchange res = api.delete(Routes.LEAVE).query("token", token).send();

    assertThat(res.status()).isEqualTo(200);
    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.UNKNOWN_TOKEN, "192.0.2.12", RateLimitScope.INSTANCE));
  }

  @Test
  void verify_hasItsOwnLimit_andBackendNetworksAreNotLimited() {
    String body = "{\"reservation_token\":\"x\"}";
    client.clientHost("192.0.2.13");
    api.post(Routes.VERIFY).send(body);
    client.clientHost("198.51.100.20");
    api.post(Routes.VERIFY).send(body);

    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.VERIFY, "192.0.2.13", RateLimitScope.SHARED));
    verify(FIX.useCases.rateLimit(), never())
        .acquire(argThat(request -> request.client().equals("198.51.100.20")));
  }

  @Test
  void otherRoutes_areCountedByClientNetwork() {
    client.clientHost("192.0.2.14");

    api.get("/wait/concert").send();
    api.put(Routes.STATUS).send("{}");

    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.CLIENT, "192.0.2.14", RateLimitScope.INSTANCE));
    verify(FIX.useCases.rateLimit())
        .acquire(byClient(RateLimitRule.CLIENT, "192.0.2.14", RateLimitScope.SHARED));
  }
}
