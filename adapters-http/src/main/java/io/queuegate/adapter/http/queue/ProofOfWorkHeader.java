package io.queuegate.adapter.http.queue;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.queuegate.adapter.http.envelope.Json;
import io.queuegate.domain.model.InvalidProofOfWork;
import io.queuegate.domain.model.ProofOfWorkRefusal;
import io.queuegate.domain.model.ProofOfWorkSolution;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code X-Proof-Of-Work} header: base64 of ALTCHA's JSON payload {@code {algorithm, challenge,
 * number, salt, signature}}, as the {@code altcha} widget submits it (docs/design.md#bots).
 */
final class ProofOfWorkHeader {
  static final HeaderName NAME = HeaderNames.create("X-Proof-Of-Work");

  // Far above a real payload (about 300 bytes); anything longer is not worth decoding.
  private static final int MAX_LENGTH = 2048;

  private ProofOfWorkHeader() {}

  /**
   * @throws InvalidProofOfWork when the value is not base64 JSON with every field
   */
  static ProofOfWorkSolution decode(String value) {
    if (value.length() > MAX_LENGTH) {
      throw new InvalidProofOfWork(ProofOfWorkRefusal.MALFORMED, "payload too long");
    }
    Payload p;
    try {
      byte[] json = Base64.getDecoder().decode(value.trim());
      p = Json.readObject(json, Payload.class);
    } catch (RuntimeException e) {
      throw new InvalidProofOfWork(ProofOfWorkRefusal.MALFORMED, "payload is not base64 JSON");
    }
    if (p == null
        || p.algorithm() == null
        || p.challenge() == null
        || p.number() == null
        || p.salt() == null
        || p.signature() == null) {
      throw new InvalidProofOfWork(ProofOfWorkRefusal.MALFORMED, "payload lacks a field");
    }
    return new ProofOfWorkSolution(
        p.algorithm(), p.challenge(), p.number(), p.salt(), p.signature());
  }

  /** The payload's fields; {@code took}, which the widget adds, is ignored. */
  record Payload(String algorithm, String challenge, Long number, String salt, String signature) {}

  static String encode(ProofOfWorkSolution s) {
    String json =
        new String(
            Json.write(
                new Payload(s.algorithm(), s.challenge(), s.number(), s.salt(), s.signature())),
            StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
