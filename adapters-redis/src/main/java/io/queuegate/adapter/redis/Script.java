package io.queuegate.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts, one per state change, loaded once from resources. The SHA-1 is computed here, so
 * calls go straight to EVALSHA and the script is loaded only when a server answers NOSCRIPT.
 */
enum Script {
  JOIN("join", "lib_line"),
  LOCATE("locate"),
  TOUCH("touch"),
  LEAVE("leave", "lib_line"),
  REAP("reap", "lib_line"),
  ADMIT("admit", "lib_line", "lib_gcra"),
  CONSUME("consume"),
  STATS("stats"),
  RECENT("recent"),
  REINDEX("reindex"),
  PRUNE_EVENT("prune_event"),
  IDEM_BEGIN("idem_begin"),
  IDEM_COMPLETE("idem_complete"),
  IDEM_RELEASE("idem_release"),
  RATE_ACQUIRE("rate_acquire", "lib_gcra");

  private final String label;
  private final String body;
  private final String sha;

  Script(String name, String... libraries) {
    this.label = name;
    StringBuilder text = new StringBuilder();
    for (String library : libraries) {
      text.append(resource(library)).append('\n');
    }
    this.body = text.append(resource(name)).toString();
    this.sha = sha1(body);
  }

  /** The metric label: the script's file name without extension. */
  String label() {
    return label;
  }

  String body() {
    return body;
  }

  String sha() {
    return sha;
  }

  private static String resource(String name) {
    try (InputStream in = Script.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name + ".lua");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
