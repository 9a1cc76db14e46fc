package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * KEYS blocks a server for its whole keyspace: no script and no Java call of the adapter may issue
 * it. The hygiene ITs check the same on live servers through INFO commandstats.
 */
class NoKeysCommandTest {
  /** redis.call('KEYS', ...) or redis.pcall("keys", ...), in any case and spacing. */
  private static final Pattern LUA_KEYS =
      Pattern.compile("redis\\s*\\.\\s*p?call\\s*\\(\\s*['\"]keys['\"]", Pattern.CASE_INSENSITIVE);

  /** lettuce's keys(pattern) or a raw dispatch of CommandType.KEYS. */
  private static final Pattern JAVA_KEYS = Pattern.compile("\\.keys\\s*\\(|CommandType\\.KEYS\\b");

  @Test
  void thePatterns_catchAKeysCall() {
    assertThat(LUA_KEYS.matcher("local k = redis.call('KEYS', prefix .. '*')").find()).isTrue();
    assertThat(LUA_KEYS.matcher("redis.pcall( \"keys\", p)").find()).isTrue();
    assertThat(JAVA_KEYS.matcher("calls.await(link.commands().keys(\"queue:*\"))").find()).isTrue();
    assertThat(JAVA_KEYS.matcher("node.dispatch(CommandType.KEYS, output, args)").find()).isTrue();
  }

  @Test
  void noScript_callsKeys() {
    Map<String, String> scripts = AdapterSources.lua();

    assertThat(scripts).containsKeys("locate.lua", "lib_line.lua");
    assertThat(offendingLines(scripts, LUA_KEYS)).isEmpty();
  }

  @Test
  void noJavaSource_callsKeys() {
    Map<String, String> sources = AdapterSources.java();

    assertThat(sources.keySet()).anyMatch(p -> p.endsWith("ActiveEventIndex.java"));
    assertThat(offendingLines(sources, JAVA_KEYS)).isEmpty();
  }

  /** Every line of {@code files} that {@code pattern} finds, as "file: line". */
  private static List<String> offendingLines(Map<String, String> files, Pattern pattern) {
    List<String> found = new ArrayList<>();
    files.forEach(
        (file, text) ->
            text.lines()
                .filter(line -> pattern.matcher(line).find())
                .forEach(line -> found.add(file + ": " + line.strip())));
    return found;
  }
}
