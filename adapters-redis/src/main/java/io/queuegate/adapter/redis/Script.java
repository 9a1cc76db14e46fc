package io.queuegate.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua scripts, one per state change, loaded once from resources with the libraries they call.
 * The SHA-1 is computed here, so calls go straight to EVALSHA and the script is loaded only when a
 * server answers NOSCRIPT.
 */
enum Script {
  JOIN("join", "lib_feed", "lib_line", "lib_waiter"),
  ERASE("erase", "lib_feed", "lib_line"),
  ERASE_KEYS("erase_keys"),
  FORGET_POLICY("forget_policy", "lib_feed", "lib_line"),
  LOCATE("locate", "lib_waiter"),
  TOUCH("touch"),
  LEAVE("leave", "lib_feed", "lib_line"),
  REAP("reap", "lib_feed", "lib_line"),
  ADMIT("admit", "lib_feed", "lib_line", "lib_waiter", "lib_gcra"),
  CONSUME("consume"),
  STATS("stats"),
  RECENT("recent"),
  HISTORY("history"),
  REINDEX("reindex", "lib_feed"),
  PRUNE_EVENT("prune_event"),
  IDEM_BEGIN("idem_begin"),
  IDEM_COMPLETE("idem_complete"),
  IDEM_RELEASE("idem_release"),
  POLICY_SWAP("policy_swap"),
  RATE_ACQUIRE("rate_acquire", "lib_gcra"),
  GATE_ADMIT("gate_admit", "lib_gcra"),
  GATE_EXTEND("gate_extend"),
  GATE_END("gate_end"),
  SHUFFLE_SEAL("shuffle_seal"),
  SHUFFLE_VALUE("shuffle_value"),
  SHUFFLE_SCORE("shuffle_score"),
  SHUFFLE_OPEN("shuffle_open", "lib_feed"),
  FEED_HEAD("feed_head"),
  FEED_READ("feed_read");

  private static final String SHEBANG = "#!";

  private final String label;
  private final String body;
  private final String sha;

  Script(String name, String... libraries) {
    this.label = name;
    this.body = compose(resource(name), List.of(libraries).stream().map(Script::resource).toList());
    this.sha = sha1(body);
  }

  /**
   * The libraries, then the script. A shebang ({@code #!lua flags=no-writes}) counts only on the
   * first line of the body, so it stays first, ahead of the libraries.
   */
  static String compose(String script, List<String> libraries) {
    StringBuilder text = new StringBuilder();
    String rest = script;
    if (script.startsWith(SHEBANG)) {
      int end = script.indexOf('\n') + 1;
      if (end == 0) {
        throw new IllegalArgumentException("a script with only a shebang line: " + script);
      }
      text.append(script, 0, end);
      rest = script.substring(end);
    }
    for (String library : libraries) {
      text.append(library).append('\n');
    }
    return text.append(rest).toString();
  }

  /** How the scripts read a flag in ARGV: {@code '1'} for on, {@code '0'} for off. */
  static String flag(boolean on) {
    return on ? "1" : "0";
  }

  /** How the scripts that write the line feed read its max length (XADD MAXLEN ~) in ARGV. */
  static String feedLength(RedisSettings settings) {
    return Integer.toString(settings.feedMaxLength());
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
