package io.queuegate.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.List;
import java.util.Map;

/**
 * The environment that points the service at a test Redis, as an operator would set it: with one
 * admission key set that every instance of this test run shares, since the service refuses the
 * Redis store without one.
 */
final class RedisEnv {
  /** One EC P-256 signing key for the whole test JVM; instances in other JVMs get it by env. */
  static final String ADMISSION_JWKS = admissionKeys();

  /** The gate's session-cookie secret every instance of this test run shares. */
  static final String GATE_SECRET = "it-gate-session-secret-0123456789abcdef";

  private RedisEnv() {}

  static Map<String, String> standalone(String address) {
    return Map.of(
        "QUEUEGATE_STORE",
        "redis",
        "QUEUEGATE_REDIS_MODE",
        "standalone",
        "QUEUEGATE_REDIS_NODES",
        "redis://" + address,
        "QUEUEGATE_ADMISSION_TOKEN_JWKS",
        ADMISSION_JWKS,
        "QUEUEGATE_GATE_SESSION_SECRET",
        GATE_SECRET);
  }

  static Map<String, String> cluster(List<String> addresses) {
    return Map.of(
        "QUEUEGATE_STORE",
        "redis",
        "QUEUEGATE_REDIS_MODE",
        "cluster",
        "QUEUEGATE_REDIS_NODES",
        String.join(",", addresses),
        "QUEUEGATE_ADMISSION_TOKEN_JWKS",
        ADMISSION_JWKS,
        "QUEUEGATE_GATE_SESSION_SECRET",
        GATE_SECRET);
  }

  private static String admissionKeys() {
    try {
      return new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("it-admission").generate())
          .toString(false);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the test admission key", e);
    }
  }
}
