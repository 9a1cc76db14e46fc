package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaitingTokenTest {
  private static final String WAITER = "AbCdEfGhIjKlMnOpQrSt_-";

  @Test
  void encodedToken_parsesBackToTheSameToken() {
    WaitingToken token = new WaitingToken(new EventId("concert.2030"), WaiterId.random());

    assertThat(WaitingToken.parse(token.encode())).contains(token);
  }

  @Test
  void encodedToken_isUrlSafe() {
    String encoded = new WaitingToken(new EventId("a-b_c.d"), WaiterId.random()).encode();

    // RFC 3986 unreserved characters need no escaping anywhere in a URL.
    assertThat(encoded).matches("[A-Za-z0-9._~-]+");
  }

  @Test
  void encodedToken_carriesTheEventId() {
    WaitingToken token = new WaitingToken(new EventId("gig"), new WaiterId(WAITER));

    assertThat(token.encode()).isEqualTo("gig~" + WAITER);
  }

  @Test
  void stampedToken_parsesToTheSameWaiter_andKeepsItsStamp() {
    WaitingToken token = new WaitingToken(new EventId("gig"), new WaiterId(WAITER));
    String stamped = token.encode("AbCd-_AbCdAbCdAb");

    assertThat(stamped).isEqualTo("gig~" + WAITER + "~AbCd-_AbCdAbCdAb");
    assertThat(WaitingToken.parse(stamped)).contains(token);
    assertThat(WaitingToken.stampOf(stamped)).contains("AbCd-_AbCdAbCdAb");
    assertThat(WaitingToken.stampOf(token.encode())).isEmpty();
    assertThat(token.encode("")).isEqualTo(token.encode());
  }

  @Test
  void tokenWithAPlacedStamp_parsesToTheSameWaiter_andKeepsItsStamp() {
    WaitingToken token = new WaitingToken(new EventId("gig"), new WaiterId(WAITER));
    String placed = "AbCd-_AbCdAbCdAbAbCd-_AbCdAbCdAb";
    String stamped = token.encode(placed);

    assertThat(WaitingToken.parse(stamped)).contains(token);
    assertThat(WaitingToken.stampOf(stamped)).contains(placed);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "~",
        "garbage",
        "gig",
        "gig~",
        "~" + WAITER,
        "gig~short",
        "gig~" + WAITER + "~",
        "gig~" + WAITER + "x",
        "g:g~" + WAITER,
        "g{g}~" + WAITER,
        "g*~" + WAITER,
        "g g~" + WAITER,
        "gig~AbCdEfGhIjKlMnOpQrSt+/",
        "gig~" + WAITER + "\n",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAA",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAAAA",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAA+",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAAA~AAAAAAAAAAAAAAAA",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "gig~" + WAITER + "~AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",
        "gig~~" + WAITER
      })
  void malformedTokens_parseToEmpty(String raw) {
    assertThat(WaitingToken.parse(raw)).isEmpty();
  }

  @Test
  void tokenWithTooLongEventId_parsesToEmpty() {
    assertThat(WaitingToken.parse("e".repeat(65) + "~" + WAITER)).isEmpty();
  }
}
