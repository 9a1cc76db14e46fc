package io.queuegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.queuegate.adapter.redis.RedisServer;
import io.queuegate.adapter.redis.RedisServers;
import io.queuegate.it.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill 5: bad actors over HTTP against a service on Redis with a real per-address join limit: a
 * join flood from one address, forged, tampered, expired and rotated-out admission tokens, operator
 * calls without the right bearer token, and the old gateway's public debug and flush endpoints.
 */
@Tag("drill")
class BadActorsDrillIT {
  private static final DrillMode MODE = DrillMode.current();
  private static final String ATTACKER = "203.0.113.66";
  private static final List<String> OLD_ENDPOINTS =
      List.of(
          "/debug/pprof/",
          "/debug/vars",
          "/debug/queue",
          "/api/v1/debug",
          "/api/v1/debug/queue",
          "/api/v1/queue/debug",
          "/api/v1/queue/flush",
          "/api/v1/flush",
          "/api/v1/admin/flush",
          "/admin/flush",
          "/flush");

  // One run's cast and what it measured, filled in step by step.
  private final String event = "bad-" + UUID.randomUUID().toString().substring(0, 8);
  private final Tally attacker = new Tally();
  private final Tally honest = new Tally();
  private final List<String> honestTokens = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean flooding = new AtomicBoolean(true);
  private final Map<String, Integer> tokens = new LinkedHashMap<>();
  private final Map<String, Integer> operator = new LinkedHashMap<>();
  private final Map<String, Integer> legacy = new LinkedHashMap<>();
  private Api api;
  private Api rotatedApi;
  private ECKey k1;
  private Load honestLoad;
  private Duration floodTook;
  private long allowed;
  private long honestLost;
  private long readyWindow;
  private boolean lineIntact;

  @Test
  void badActors_areRefusedWith4xx_whileHonestClientsKeepBeingServed() throws JOSEException {
    ECKey k1 = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    ECKey k2 = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
    // A Redis of its own, so the request buckets this drill fills never meet the other tests, which
    // run with the limits out of the way.
    try (RedisServer redis =
        new RedisServer(
            RedisServer.freePort(), RedisServers.tempDir("drill-bad-actors"), List.of())) {
      redis.start();
      drill(redis.address(), k1, k2);
    }
  }

  private void drill(String redisAddress, ECKey k1, ECKey k2) throws JOSEException {
    Map<String, String> env = new HashMap<>(RedisEnv.standalone(redisAddress));
    // A tighter join limit than the shipped one (5/s, burst 300), so a short flood passes it.
    env.put("QUEUEGATE_RATE_LIMIT_JOIN_PER_SEC", "20");
    env.put("QUEUEGATE_RATE_LIMIT_JOIN_BURST", "40");
    env.put("QUEUEGATE_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1/32");
    Map<String, String> both = new HashMap<>(env);
    both.put("QUEUEGATE_ADMISSION_TOKEN_JWKS", new JWKSet(List.of(k1, k2)).toString(false));
    both.put("QUEUEGATE_ADMISSION_TOKEN_SIGNING_KID", "k1");
    Map<String, String> rotated = new HashMap<>(env);
    rotated.put("QUEUEGATE_ADMISSION_TOKEN_JWKS", new JWKSet(List.of(k2)).toString(false));
    rotated.put("QUEUEGATE_ADMISSION_TOKEN_SIGNING_KID", "k2");
    try (ServiceHarness service = ServiceHarness.start(both);
        ServiceHarness afterRotation = ServiceHarness.start(rotated)) {
      this.api = service.api;
      this.rotatedApi = afterRotation.api;
      this.k1 = k1;
      run();
    }
  }

  private void run() throws JOSEException {
    startHonestClients();
    floodJoinsFromOneAddress();
    stopHonestClients();
    checkHonestPlacesKept();
    presentForgedAdmissionTokens();
    callOperatorRoutesWithoutTheBearer();
    callOldDebugAndFlushEndpoints();
    report();
    assertFloodLimitedWithout5xx();
    assertHonestClientsServedAndKept();
    assertOnlyGenuineTokensAccepted();
    assertOperatorRoutesRefused();
    assertOldEndpointsGoneAndLineIntact();
  }

  /** Five honest addresses joining five times a second each while the flood lasts. */
  private void startHonestClients() {
    honestLoad =
        Load.start(
            "honest",
            5,
            5,
            i -> {
              if (flooding.get()) {
                Reply r = honest.call(() -> join(api, event, "198.51.100." + (10 + i)));
                if (r != null && r.status() == 202) {
                  honestTokens.add(r.body().path("waiting_token").asText());
                }
              }
            });
  }

  private void floodJoinsFromOneAddress() {
    Duration flood = MODE.pick(Duration.ofSeconds(4), Duration.ofSeconds(20));
    long floodStart = System.nanoTime();
    long floodEnd = floodStart + flood.toNanos();
    List<Thread> flooders = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      // As fast as eight connections go, for the whole flood.
      flooders.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < floodEnd) {
                      attacker.call(() -> join(api, event, ATTACKER));
                    }
                  }));
    }
    flooders.forEach(BadActorsDrillIT::join);
    floodTook = Duration.ofNanos(System.nanoTime() - floodStart);
    allowed = 40 + (long) Math.ceil(20 * floodTook.toMillis() / 1000.0);
  }

  private void stopHonestClients() {
    flooding.set(false);
    honestLoad.stop();
  }

  /** Checks come from addresses of their own: the limit must not blur what they see. */
  private void checkHonestPlacesKept() {
    for (int n = 0; n < honestTokens.size(); n++) {
      honestLost += status(api, honestTokens.get(n), "192.0.2." + (n % 200 + 1)) == 200 ? 0 : 1;
    }
  }

  /** A real admission token, then forgeries of it. */
  private void presentForgedAdmissionTokens() throws JOSEException {
    // On an event of their own, so they stand at the head of the line and may enter at once.
    String tokenEvent = event + "-t";
    String waiting = join(api, tokenEvent, "198.51.100.99").body().path("waiting_token").asText();
    String real = enter(api, waiting).body().path("reservation_token").asText();
    tokens.put("genuine", verify(api, real, false));
    tokens.put("tampered payload", verify(api, tampered(real), false));
    tokens.put("forged (other key, same kid)", verify(api, forged(real), false));
    tokens.put("expired (real key)", verify(api, expired(k1, tokenEvent), false));
    tokens.put("alg none", verify(api, unsigned(real), false));
    tokens.put("signed by a removed key", verify(rotatedApi, real, false));
    String waitingAfter =
        join(rotatedApi, tokenEvent, "198.51.100.98").body().path("waiting_token").asText();
    String rotatedReal = enter(rotatedApi, waitingAfter).body().path("reservation_token").asText();
    tokens.put("signed by the new key", verify(rotatedApi, rotatedReal, false));
    tokens.put("consumed once", verify(api, real, true));
    tokens.put("consumed twice", verify(api, real, true));
  }

  private void callOperatorRoutesWithoutTheBearer() {
    byte[] policy = "{\"ready_window\":1}".getBytes(StandardCharsets.UTF_8);
    String path = "/api/v1/admin/events/" + event;
    operator.put(
        "PUT without bearer",
        api.raw(
                "PUT",
                path,
                policy,
                "Content-Type",
                "application/json",
                "X-Forwarded-For",
                "192.0.2.254")
            .status());
    operator.put(
        "PUT with a wrong bearer",
        api.raw(
                "PUT",
                path,
                policy,
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer not-the-token")
            .status());
    operator.put(
        "DELETE with a wrong bearer",
        api.raw("DELETE", path, new byte[0], "Authorization", "Bearer x").status());
    operator.put("GET without bearer", api.raw("GET", path, new byte[0]).status());
    readyWindow = api.adminGet(event).body().path("policy").path("ready_window").asLong();
  }

  private void callOldDebugAndFlushEndpoints() {
    for (String old : OLD_ENDPOINTS) {
      legacy.put(
          "GET " + old,
          api.raw("GET", old, new byte[0], "X-Forwarded-For", "192.0.2.253").status());
      legacy.put(
          "POST " + old,
          api.raw("POST", old, new byte[0], "X-Forwarded-For", "192.0.2.253").status());
    }
    lineIntact = status(api, honestTokens.get(0), "192.0.2.250") == 200;
  }

  private void report() {
    new DrillTable("Drill 5: bad actors")
        .row(
            "load held",
            String.format(
                "5 honest IPs x 5 joins/s during a flood of %d joins"
                    + " from %s in %s (join limit 20/s, burst 40 per IP)",
                attacker.total(), ATTACKER, DrillTable.seconds(floodTook)))
        .row(
            "faults injected",
            "join flood; 5 bad admission tokens; 4 operator calls without"
                + " the right bearer; "
                + legacy.size()
                + " calls to old debug/flush paths")
        .row("flooding IP by status", attacker.byStatus() + " (at most " + allowed + " could pass)")
        .row("honest IPs by status", honest.byStatus())
        .row(
            "requests failed by status code",
            "honest: " + honest.failures() + "; flood: " + attacker.failures())
        .row("admission tokens on /verify", tokens.toString())
        .row("operator routes", operator + "; ready_window still " + readyWindow)
        .row("old debug/flush endpoints", distinct(legacy) + "; line intact: " + lineIntact)
        .row("acknowledged joins lost", honestLost + " of " + honestTokens.size())
        .row("recovery time", "none needed: honest clients were never refused")
        .print();
  }

  private void assertFloodLimitedWithout5xx() {
    assertThat(attacker.count(429)).as("flood answered 429").isPositive();
    assertThat(attacker.count(202)).as("flood joins let through").isLessThanOrEqualTo(allowed);
    assertThat(attacker.serverErrorsOtherThan503() + attacker.count(503)).isZero();
  }

  private void assertHonestClientsServedAndKept() {
    assertThat(honest.count(429)).as("honest clients limited").isZero();
    assertThat(honest.total()).isEqualTo(honest.count(202));
    assertThat(honestLost).isZero();
  }

  private void assertOnlyGenuineTokensAccepted() {
    assertThat(tokens)
        .containsEntry("genuine", 200)
        .containsEntry("tampered payload", 401)
        .containsEntry("forged (other key, same kid)", 401)
        .containsEntry("expired (real key)", 401)
        .containsEntry("alg none", 401)
        .containsEntry("signed by a removed key", 401)
        .containsEntry("signed by the new key", 200)
        .containsEntry("consumed once", 200)
        .containsEntry("consumed twice", 409);
  }

  private void assertOperatorRoutesRefused() {
    assertThat(operator.values()).allSatisfy(s -> assertThat(s).isEqualTo(401));
    assertThat(readyWindow).isEqualTo(100);
  }

  private void assertOldEndpointsGoneAndLineIntact() {
    assertThat(legacy.values()).allSatisfy(s -> assertThat(s).isEqualTo(404));
    assertThat(lineIntact).isTrue();
  }

  private static Reply join(Api api, String event, String ip) {
    byte[] body =
        ("{\"event_id\":\"" + event + "\",\"user_id\":\"anonymous\"}")
            .getBytes(StandardCharsets.UTF_8);
    return api.raw(
        "POST",
        "/api/v1/queue/join",
        body,
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        UUID.randomUUID().toString(),
        "X-Forwarded-For",
        ip);
  }

  private static int status(Api api, String token, String ip) {
    return api.raw(
            "GET",
            "/api/v1/queue/status?token=" + Api.encode(token),
            new byte[0],
            "X-Forwarded-For",
            ip)
        .status();
  }

  private static Reply enter(Api api, String token) {
    byte[] body = ("{\"waiting_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
    return api.raw(
        "POST",
        "/api/v1/queue/enter",
        body,
        "Content-Type",
        "application/json",
        "Idempotency-Key",
        UUID.randomUUID().toString(),
        "X-Forwarded-For",
        "192.0.2.251");
  }

  private static int verify(Api api, String jwt, boolean consume) {
    byte[] body =
        ("{\"reservation_token\":\"" + jwt + "\",\"consume\":" + consume + "}")
            .getBytes(StandardCharsets.UTF_8);
    return api.raw(
            "POST",
            "/api/v1/admission/verify",
            body,
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            "192.0.2.252")
        .status();
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String distinct(Map<String, Integer> statuses) {
    return "all " + statuses.values().stream().distinct().toList();
  }

  private static String tampered(String jwt) {
    String[] parts = jwt.split("\\.");
    Base64.Decoder dec = Base64.getUrlDecoder();
    String payload =
        new String(dec.decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"mallory\"");
    return parts[0] + "." + b64(payload) + "." + parts[2];
  }

  private static String unsigned(String jwt) {
    String[] parts = jwt.split("\\.");
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
  }

  private static String forged(String jwt) throws JOSEException {
    try {
      JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
      ECKey mallory = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
      return sign(mallory, claims);
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static String expired(ECKey key, String event) throws JOSEException {
    Instant past = Instant.now().minusSeconds(3600);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("queuegate")
            .audience(event)
            .subject("anonymous")
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(past))
            .expirationTime(Date.from(past.plusSeconds(300)))
            .build();
    return sign(key, claims);
  }

  private static String sign(ECKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
