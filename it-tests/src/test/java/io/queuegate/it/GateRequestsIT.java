package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.RawHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Traefik and Envoy cannot run here, so the check is asked exactly as they ask it (the headers
 * Traefik's ForwardAuth sets, Envoy's ext_authz path prefix and original Host), and their configs
 * in deploy/ are the ones these requests come from. Two instances on one Redis show that rooms and
 * revocations reach every instance within seconds, without a store read per check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateRequestsIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private RedisServer redis;
  private ServiceHarness first;
  private ServiceHarness second;

  @BeforeAll
  void start() {
    redis = new RedisServer(RedisServer.freePort(), RedisServers.tempDir("gate-req"), List.of());
    redis.start();
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(redis.address()));
    env.put("QUEUEGATE_GATE_SESSION_SECRET", "gate-requests-secret-0123456789abcdefgh");
    first = ServiceHarness.start(env);
    second = ServiceHarness.start(env);
  }

  @AfterAll
  void stop() {
    for (AutoCloseable part : new AutoCloseable[] {first, second, redis}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          // keep stopping the rest
        }
      }
    }
  }

  private record Room(String id, String event) {}

  private Room room(ServiceHarness on, String extraJson) {
    String id = "rq-" + UUID.randomUUID().toString().substring(0, 8);
    Room room = new Room(id, "ev-" + id);
    String body =
        "{\"host\":\"shop.example\",\"path_prefixes\":[\"/"
            + id
            + "\"],\"event_id\":\""
            + room.event()
            + "\""
            + (extraJson.isEmpty() ? "" : "," + extraJson)
            + "}";
    Api.Reply reply =
        on.api.raw(
            "PUT",
            "/api/v1/admin/rooms/" + id,
            body.getBytes(StandardCharsets.UTF_8),
            "Authorization",
            "Bearer " + ServiceHarness.ADMIN_TOKEN,
            "Content-Type",
            "application/json");
    assertThat(reply.status()).isEqualTo(200);
    return room;
  }

  /** Traefik's ForwardAuth: a GET to the address, the visitor's headers, and X-Forwarded-*. */
  private static Answer traefik(ServiceHarness to, String method, String uri, String cookie) {
    return RawHttp.send(
        to.base().getPort(),
        "GET /gate/check HTTP/1.1\n"
            + "Host: queuegate:8000\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/120\n"
            + "Accept: text/html\n"
            + (cookie == null ? "" : "Cookie: theme=dark; " + cookie + "\n")
            + "X-Forwarded-Method: "
            + method
            + "\n"
            + "X-Forwarded-Proto: https\n"
            + "X-Forwarded-Host: shop.example\n"
            + "X-Forwarded-Uri: "
            + uri
            + "\n"
            + "X-Forwarded-For: 203.0.113.7\n"
            + "X-Real-Ip: 203.0.113.7\n");
  }

  /** Envoy's ext_authz HTTP service: the original method and Host, the path after the prefix. */
  private static Answer envoy(ServiceHarness to, String method, String uri, String cookie) {
    return RawHttp.send(
        to.base().getPort(),
        method
            + " /gate/check"
            + uri
            + " HTTP/1.1\n"
            + "Host: shop.example\n"
            + "Content-Length: 0\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/120\n"
            + (cookie == null ? "" : "Cookie: " + cookie + "\n")
            + "X-Forwarded-Proto: https\n"
            + "X-Forwarded-For: 203.0.113.7\n"
            + "X-Envoy-Expected-Rq-Timeout-Ms: 250\n"
            + "X-Envoy-Internal: true\n");
  }

  private static String cookieOf(Answer answer) {
    String setCookie = answer.header("Set-Cookie");
    assertThat(setCookie).as("a session cookie").isNotNull();
    return setCookie.split(";")[0];
  }

  @Test
  void traefik_passesWithASessionCookie_andSendsNewcomersToTheWaitingPageOnceTheLineForms() {
    Room room = room(first, "");

    Answer admitted = traefik(first, "POST", "/" + room.id() + "/cart?add=1", null);

    assertThat(admitted.status()).isEqualTo(200);
    assertThat(admitted.header("Set-Cookie"))
        .startsWith("qg_" + room.id() + "=")
        .contains("Secure")
        .contains("HttpOnly");
    assertThat(admitted.header("X-Queuegate-Admission")).isNotBlank();
    String cookie = cookieOf(admitted);
    first.api.join(room.event());
    assertThat(traefik(first, "GET", "/" + room.id() + "/cart", cookie).status()).isEqualTo(200);

    Answer newcomer = traefik(first, "GET", "/" + room.id() + "/cart?add=1", null);

    assertThat(newcomer.status()).isEqualTo(302);
    assertThat(newcomer.header("Location"))
        .isEqualTo("/queuegate/gate/wait?return_url=%2F" + room.id() + "%2Fcart%3Fadd%3D1");
  }

  @Test
  void envoy_readsTheOriginalRequestFromItsPathAndHost_andGetsStatusHeadersAndBody() {
    Room room = room(first, "");
    Answer admitted = envoy(first, "DELETE", "/" + room.id() + "/item/4?undo=1", null);
    assertThat(admitted.status()).isEqualTo(200);
    String cookie = cookieOf(admitted);
    first.api.join(room.event());

    assertThat(envoy(first, "GET", "/" + room.id() + "/item/4", cookie).status()).isEqualTo(200);
    Answer newcomer = envoy(first, "GET", "/" + room.id() + "/item/4?undo=1", null);
    assertThat(newcomer.status()).isEqualTo(302);
    assertThat(newcomer.header("Location")).contains("return_url=%2F" + room.id() + "%2Fitem%2F4");
    assertThat(envoy(first, "GET", "/elsewhere", null).status()).isEqualTo(200);

    Room closed = room(first, "\"mode\":\"reject\"");
    Answer refused = envoy(first, "GET", "/" + closed.id() + "/", null);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("60");
    assertThat(refused.body()).contains("Closed for now");
  }

  @Test
  void roomsAndRevocations_reachTheOtherInstanceWithinSeconds_withoutAStoreReadPerCheck() {
    Room room = room(first, "");
    Await.until(
        WAIT,
        "the room to reach the second instance",
        () -> traefik(second, "GET", "/" + room.id() + "/", null).header("Set-Cookie") != null);
    Answer admitted = traefik(first, "GET", "/" + room.id() + "/", null);
    String cookie = cookieOf(admitted);
    first.api.join(room.event());
    assertThat(traefik(second, "GET", "/" + room.id() + "/", cookie).status())
        .as("the other instance checks the cookie by itself")
        .isEqualTo(200);

    Api.Reply completed =
        first.api.raw(
            "POST",
            "/api/v1/admission/complete",
            ("{\"reservation_token\":\"" + admitted.header("X-Queuegate-Admission") + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertThat(completed.status()).isEqualTo(200);

    assertThat(traefik(first, "GET", "/" + room.id() + "/", cookie).status())
        .as("at once where it was completed")
        .isEqualTo(302);
    long start = System.nanoTime();
    Await.until(
        WAIT,
        "the revocation to reach the second instance",
        () -> traefik(second, "GET", "/" + room.id() + "/", cookie).status() == 302);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
