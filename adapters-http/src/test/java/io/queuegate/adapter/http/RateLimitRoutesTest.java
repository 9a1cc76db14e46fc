package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.helidon.webserver.testing.junit5.DirectClient;
import io.queuegate.adapter.http.routing.Routes;
import io.queuegate.domain.model.RateDecision;
import io.queuegate.domain.model.RateLimitScope;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitRoutesTest {
  @RegisterExtension static final RoutingFixture FIX = RoutingFixture.behindProxies("10.0.0.0/8");

  private final DirectClient client = FIX.client();
  private final Api api = FIX.api();

  @AfterEach
  void restorePeer() {
    client.clientHost("localhost");
  }

  @Test
  void overTheLimit_returns429WithRetryAfterAndLimitHeaders() {
    when(FIX.useCases.rateLimit().acquire(anyString(), any()))
        .thenReturn(new RateDecision(false, 20, 0, Duration.ofMillis(250), Duration.ofSeconds(4)));

    Exchange res = api.get(Routes.STATUS).query("token", "t").send();

    assertThat(res.status()).isEqualTo(429);
    assertThat(res.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(res.header("Retry-After")).isEqualTo("1");
    assertThat(res.header("X-RateLimit-Limit")).isEqualTo("20");
    assertThat(res.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(res.header("X-RateLimit-Reset")).isEqualTo("4");
    verifyNoInteractions(FIX.useCases.status());
  }

  @Test
  void peerOutsideTrustedProxies_isTheClientWhateverXForwardedForSays() {
    client.clientHost("192.0.2.7");

    api.get(Routes.STATUS).query("token", "t").header("X-Forwarded-For", "203.0.113.9").send();

    verify(FIX.useCases.rateLimit()).acquire("192.0.2.7", RateLimitScope.INSTANCE);
  }

  @Test
  void trustedProxyPeer_makesRightMostUntrustedForwardedAddressTheClient() {
    client.clientHost("10.1.2.3");

    api.get(Routes.STATUS)
        .query("token", "t")
        .header("X-Forwarded-For", "1.1.1.1, 203.0.113.9, 10.9.9.9")
        .send();

    verify(FIX.useCases.rateLimit()).acquire("203.0.113.9", RateLimitScope.INSTANCE);
  }

  @Test
  void statusPollsAreCountedInThisInstance_changesAcrossInstances() {
    client.clientHost("192.0.2.8");

    api.get(Routes.STATUS).query("token", "t").send();
    api.post(Routes.LEAVE).query("token", "t").send("");

    verify(FIX.useCases.rateLimit()).acquire("192.0.2.8", RateLimitScope.INSTANCE);
    verify(FIX.useCases.rateLimit()).acquire("192.0.2.8", RateLimitScope.SHARED);
  }
}
