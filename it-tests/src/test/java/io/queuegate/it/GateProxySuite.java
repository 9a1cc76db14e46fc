package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.queuegate.adapter.redis.Await;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Visitor.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gate behind a real reverse proxy, with its shipped configuration, in front of a small site,
 * and queuegate on a real Redis: what a visitor sees in every situation the gate must handle. Each
 * test has rooms, paths and events of its own. The subclasses choose the proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GateProxySuite {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger ROOMS = new AtomicInteger();

  private RedisServer redis;
  private ServiceHarness service;
  private Origin origin;
  private ProxyProcess proxy;

  /** Starts the proxy under test in front of queuegate and the site. */
  abstract ProxyProcess startProxy(int queuegatePort, int originPort);

  @BeforeAll
  void start() {
    redis = new RedisServer(RedisServer.freePort(), RedisServers.tempDir("gate"), List.of());
    redis.start();
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(redis.address()));
    env.put("QUEUEGATE_GATE_SECURE_COOKIES", "false");
    env.put("QUEUEGATE_GATE_SESSION_SECRET", "gate-tests-session-secret-0123456789abcdef");
    service = ServiceHarness.start(env);
    origin = new Origin();
    proxy = startProxy(service.base().getPort(), origin.port());
  }

  @AfterAll
  void stop() {
    for (AutoCloseable part : new AutoCloseable[] {proxy, origin, service, redis}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          // keep stopping the rest
        }
      }
    }
  }

  /** A room over {@code /<id>} on localhost, bound to an event of its own. */
  private record Room(String id, String event, String prefix) {
    String path(String rest) {
      return prefix + rest;
    }
  }

  private Room room(String extraJson) {
    String id = "r" + ROOMS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    Room room = new Room(id, "ev-" + id, "/" + id);
    putRoom(room, extraJson);
    return room;
  }

  private void putRoom(Room room, String extraJson) {
    String body =
        "{\"host\":\"localhost\",\"path_prefixes\":[\""
            + room.prefix()
            + "\"],\"event_id\":\""
            + room.event()
            + "\""
            + (extraJson.isEmpty() ? "" : "," + extraJson)
            + "}";
    Api.Reply reply =
        service.api.raw(
            "PUT",
            "/api/v1/admin/rooms/" + room.id(),
            body.getBytes(StandardCharsets.UTF_8),
            "Authorization",
            "Bearer " + ServiceHarness.ADMIN_TOKEN,
            "Content-Type",
            "application/json");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
  }

  private void policy(Room room, String json) {
    assertThat(service.api.adminPut(room.event(), json).status()).isEqualTo(200);
  }

  private Visitor visitor() {
    return new Visitor(proxy.site());
  }

  /** Somebody waiting in the room's line, so that newcomers must queue behind them. */
  private String waiterIn(Room room) {
    return service.api.join(room.event()).body().path("waiting_token").asText();
  }

  private static String waitingPageFor(String target) {
    return "/queuegate/gate/wait?return_url=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  private void assertThrough(Page page, String target) {
    assertThat(page.status()).as("through to %s: %s", target, page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Shop page " + target.split("\\?")[0]);
  }

  private static void assertToTheLine(Page page, String target) {
    assertThat(page.status()).as("to the waiting page: %s", page.body()).isEqualTo(302);
    assertThat(page.location()).isEqualTo(waitingPageFor(target));
  }

  private static String admissionId(String jwt) {
    String payload =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    try {
      return Api.JSON.readTree(payload).path("jti").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Requests {@code target} every 200 ms for {@code duration}; each must get through. */
  private void keepUsing(Visitor visitor, String target, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      assertThrough(visitor.get(target), target);
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  @Test
  void belowCapacity_aVisitorGoesStraightThrough_andTheLineNeverShows() {
    Room room = room("");
    Visitor visitor = visitor();

    Page first = visitor.get(room.path("/item?size=m"));

    assertThrough(first, room.path("/item?size=m"));
    String setCookie = first.setCookies().getFirst();
    assertThat(setCookie)
        .startsWith("qg_" + room.id() + "=")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .doesNotContain("Domain=");
    String token = origin.last(room.path("/item?size=m")).admission();
    assertThat(service.api.verify(token, false).body().path("event_id").asText())
        .as("the site was handed an admission token it can verify")
        .isEqualTo(room.event());

    Page second = visitor.get(room.path("/cart"));
    assertThrough(second, room.path("/cart"));
    assertThat(second.setCookies()).as("a fresh cookie is not issued again").isEmpty();
    assertThat(visitor.get("/about").status()).as("paths no room covers pass").isEqualTo(200);
  }

  @Test
  void aboveCapacity_visitorsWait_areAdmittedInOrder_andComeBackToThePageTheyAsked() {
    Room room = room("");
    policy(room, "{\"max_active\":1,\"ready_window\":1}");
    Visitor holder = visitor();
    assertThrough(holder.get(room.path("/in")), room.path("/in"));

    List<Visitor> people = List.of(visitor(), visitor(), visitor());
    List<String> targets = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      String target = room.path("/item-" + i + "?x=%2F" + i);
      Page page = people.get(i).get(target);
      assertToTheLine(page, target);
      Page waiting = people.get(i).get(page.location());
      assertThat(waiting.status()).isEqualTo(200);
      assertThat(waiting.body()).contains("\"eventId\":\"" + room.event() + "\"");
      Page joined =
          people
              .get(i)
              .postJson(
                  "/queuegate/api/v1/queue/join", "{\"event_id\":\"" + room.event() + "\"}", true);
      assertThat(joined.status()).isEqualTo(202);
      targets.add(target);
      tokens.add(json(joined).path("waiting_token").asText());
    }

    finish(holder, room);
    assertThat(enter(people.get(1), tokens.get(1), targets.get(1)).status())
        .as("the second in line may not pass the first")
        .isEqualTo(403);
    for (int i = 0; i < people.size(); i++) {
      Visitor person = people.get(i);
      Page entered = enter(person, tokens.get(i), targets.get(i));
      assertThat(entered.status()).as("person %d enters", i).isEqualTo(200);
      assertThat(json(entered).path("redirect").asText()).isEqualTo(targets.get(i));
      assertThrough(person.get(targets.get(i)), targets.get(i));
      if (i + 1 < people.size()) {
        assertThat(enter(people.get(i + 1), tokens.get(i + 1), targets.get(i + 1)).status())
            .as("the next waits while the only slot is taken")
            .isEqualTo(403);
      }
      finish(person, room);
    }
  }

  private Page enter(Visitor visitor, String token, String target) {
    return visitor.postJson(
        "/queuegate/gate/enter",
        "{\"waiting_token\":\"" + token + "\",\"return_url\":\"" + target + "\"}",
        false);
  }

  /** The site's backend completes the visitor's admission, as after an order. */
  private void finish(Visitor visitor, Room room) {
    String token =
        origin.hits().reversed().stream()
            .filter(hit -> hit.target().startsWith(room.prefix()) && hit.admission() != null)
            .map(Origin.Hit::admission)
            .filter(t -> visitor.cookie("qg_" + room.id()) != null)
            .findFirst()
            .orElseThrow();
    Api.Reply reply =
        service.api.raw(
            "POST",
            "/api/v1/admission/complete",
            ("{\"reservation_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertThat(reply.status()).isEqualTo(200);
  }

  private static JsonNode json(Page page) {
    try {
      return Api.JSON.readTree(page.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(page.body(), e);
    }
  }

  @Test
  void aSession_renewsWhileUsed_endsWhenIdle_andEndsAtItsCap() {
    Room room = room("\"idle_timeout_sec\":2,\"hard_cap_sec\":5");
    Visitor busy = visitor();
    Visitor idle = visitor();
    String target = room.path("/browse");
    long admitted = System.nanoTime();
    assertThrough(busy.get(target), target);
    assertThrough(idle.get(target), target);
    String firstCookie = busy.cookie("qg_" + room.id());
    waiterIn(room); // from now on, a visitor without a valid session queues

    keepUsing(busy, target, Duration.ofMillis(2600));

    assertThat(busy.cookie("qg_" + room.id())).as("renewed while used").isNotEqualTo(firstCookie);
    assertToTheLine(idle.get(target), target);
    Await.until(WAIT, "the busy session to reach its cap", () -> busy.get(target).status() == 302);
    assertThat(Duration.ofNanos(System.nanoTime() - admitted))
        .as("not before the cap")
        .isGreaterThanOrEqualTo(Duration.ofMillis(4800));
  }

  @Test
  void completeRevokeAndTheCompletionPath_endSessions_andFreeCapacityForTheNext() {
    Room room = room("\"completion_paths\":[\"/" + "x" + "\"]");
    putRoom(room, "\"completion_paths\":[\"" + room.path("/done") + "\"]");
    policy(room, "{\"max_active\":1}");
    String target = room.path("/pay");
    Visitor first = visitor();
    Visitor second = visitor();
    Visitor third = visitor();
    assertThrough(first.get(target), target);
    assertToTheLine(second.get(target), target);

    finish(first, room);
    assertThrough(second.get(target), target);
    assertToTheLine(first.get(target), target);

    String secondToken = origin.last(target).admission();
    Api.Reply revoked =
        service.api.raw(
            "DELETE",
            "/api/v1/admin/rooms/" + room.id() + "/sessions/" + admissionId(secondToken),
            new byte[0],
            "Authorization",
            "Bearer " + ServiceHarness.ADMIN_TOKEN);
    assertThat(revoked.status()).isEqualTo(200);
    assertThrough(third.get(target), target);
    assertToTheLine(second.get(target), target);

    Page done = third.get(room.path("/done?order=7"));
    assertThrough(done, room.path("/done?order=7"));
    assertThat(done.setCookies()).anyMatch(c -> c.contains("Max-Age=0"));
    assertThat(third.cookie("qg_" + room.id())).isNull();
    Visitor fourth = visitor();
    assertThrough(fourth.get(target), target);
  }

  @Test
  void queueAllHoldsEverybody_rejectRefusesEverybody_bypassPasses_crawlersGet503() {
    Room room = room("\"bypass\":[\"*.css\"]");
    String target = room.path("/shoes");
    Visitor admitted = visitor();
    assertThrough(admitted.get(target), target);

    putRoom(room, "\"bypass\":[\"*.css\"],\"mode\":\"queue_all\"");
    assertToTheLine(visitor().get(target), target);
    assertThrough(admitted.get(target), target);
    Page crawler = new Visitor(proxy.site(), Visitor.GOOGLEBOT).get(target);
    assertThat(crawler.status()).isEqualTo(503);
    assertThat(crawler.header("Retry-After")).isEqualTo("120");
    assertThrough(visitor().get(room.path("/site.css")), room.path("/site.css"));

    putRoom(room, "\"bypass\":[\"*.css\"],\"mode\":\"reject\"");
    for (Visitor anyone : List.of(admitted, visitor())) {
      Page closed = anyone.get(target);
      assertThat(closed.status()).isEqualTo(503);
      assertThat(closed.header("Retry-After")).isEqualTo("60");
      assertThat(closed.body()).contains("Closed for now");
    }
    assertThrough(visitor().get(room.path("/site.css")), room.path("/site.css"));
  }

  @Test
  void crawlers_areNeverLetInOnTheirName_whileTheRoomQueues() {
    Room room = room("");
    waiterIn(room);

    Page crawler = new Visitor(proxy.site(), Visitor.GOOGLEBOT).get(room.path("/"));

    assertThat(crawler.status()).isEqualTo(503);
    assertThat(crawler.header("Retry-After")).isEqualTo("120");
  }

  @Test
  void forgedExpiredTamperedAndOtherRoomsCookies_areRefused_asAreReturnUrlsElsewhere() {
    Room a = room("\"idle_timeout_sec\":1");
    Room b = room("");
    Visitor admitted = visitor();
    assertThrough(admitted.get(a.path("/x")), a.path("/x"));
    String cookie = admitted.cookie("qg_" + a.id());
    waiterIn(a);
    waiterIn(b);
    String[] parts = cookie.split("\\.");
    char flipped = parts[1].charAt(10) == 'A' ? 'B' : 'A';
    String tampered =
        parts[0]
            + "."
            + parts[1].substring(0, 10)
            + flipped
            + parts[1].substring(11)
            + "."
            + parts[2];

    Map<String, Visitor> holders = new HashMap<>();
    holders.put("forged", withCookie("qg_" + a.id(), "forged-value"));
    holders.put("tampered", withCookie("qg_" + a.id(), tampered));
    for (Map.Entry<String, Visitor> e : holders.entrySet()) {
      assertThat(e.getValue().get(a.path("/x")).status()).as(e.getKey()).isEqualTo(302);
    }
    assertToTheLine(withCookie("qg_" + b.id(), cookie).get(b.path("/x")), b.path("/x"));
    // A new visitor each time: a visitor that kept the answer's cookie would have renewed it.
    Await.until(
        WAIT,
        "the unused cookie to expire",
        () -> withCookie("qg_" + a.id(), cookie).get(a.path("/x")).status() == 302);

    Visitor anyone = visitor();
    for (String elsewhere : List.of("https://evil.example/x", "//evil.example/x")) {
      Page page = anyone.get(waitingPageFor(elsewhere).replace(a.prefix(), a.prefix()));
      assertThat(page.status()).as(elsewhere).isEqualTo(400);
      assertThat(json(page).path("error").path("code").asText()).isEqualTo("INVALID_RETURN_URL");
    }
    Page enter =
        anyone.postJson(
            "/queuegate/gate/enter",
            "{\"waiting_token\":\"x\",\"return_url\":\"https://evil.example/x\"}",
            false);
    assertThat(enter.status()).isEqualTo(400);
  }

  private Visitor withCookie(String name, String value) {
    Visitor visitor = visitor();
    visitor.setCookie(name, value);
    return visitor;
  }

  @Test
  void storeOutage_sendsNewcomersToTheWaitingPage_orLetsThemThrough_asEachRoomSays() {
    Room waiting = room("");
    Room open = room("\"store_outage\":\"let_through\"");
    Visitor admitted = visitor();
    assertThrough(admitted.get(waiting.path("/x")), waiting.path("/x"));

    redis.stop();
    try {
      assertToTheLine(visitor().get(waiting.path("/x")), waiting.path("/x"));
      Page through = visitor().get(open.path("/x"));
      assertThrough(through, open.path("/x"));
      assertThat(through.setCookies()).isEmpty();
      assertThrough(admitted.get(waiting.path("/x")), waiting.path("/x"));
    } finally {
      redis.start();
      Await.until(
          WAIT,
          "the service to reach Redis again",
          () -> service.api.get("/readyz").status() == 200);
    }
  }
}
