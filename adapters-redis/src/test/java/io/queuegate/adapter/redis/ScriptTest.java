package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScriptTest {
  private static final String NO_WRITES = "#!lua flags=no-writes\n";
  private static final Pattern FUNCTION = Pattern.compile("local function (\\w+)\\(");

  @Test
  void everyScript_loadsWithAShaOfItsBody() {
    assertThat(Script.values())
        .allSatisfy(s -> assertThat(s.sha()).matches("[0-9a-f]{40}"))
        .extracting(Script::sha)
        .doesNotHaveDuplicates();
  }

  @Test
  void readOnlyScripts_declareNoWritesOnTheirFirstLine() {
    Set<Script> reads = EnumSet.of(Script.LOCATE, Script.STATS, Script.RECENT);

    assertThat(reads).allMatch(s -> s.body().startsWith("#!lua flags=no-writes\n"));
  }

  @Test
  void noScript_issuesKeysOrReadsTheServerClock() {
    assertThat(Arrays.stream(Script.values()).map(Script::body))
        .noneMatch(b -> b.contains("'KEYS'") || b.contains("'TIME'"));
  }

  @Test
  void compose_keepsAShebangFirst_thenTheLibraries_thenTheRest() {
    String composed = Script.compose(NO_WRITES + "return 1\n", List.of("-- lib a", "-- lib b"));

    assertThat(composed).isEqualTo(NO_WRITES + "-- lib a\n-- lib b\nreturn 1\n");
  }

  @Test
  void compose_withoutAShebang_putsTheLibrariesFirst() {
    assertThat(Script.compose("return 1\n", List.of("-- lib a"))).isEqualTo("-- lib a\nreturn 1\n");
  }

  @Test
  void locate_keepsItsShebangFirst_withTheWaiterLibraryAfterIt() {
    String body = Script.LOCATE.body();

    assertThat(body).startsWith(NO_WRITES).containsOnlyOnce("#!");
    assertThat(body.indexOf("local function read_waiter("))
        .isGreaterThan(0)
        .isLessThan(body.indexOf("local function locate("));
  }

  @Test
  void everyScript_isLoadedWithTheLibraryOfEachFunctionItCalls() {
    Map<String, String> lua = AdapterSources.lua();
    for (Script script : Script.values()) {
      String own = lua.get(script.label() + ".lua");
      for (Map.Entry<String, String> library : lua.entrySet()) {
        if (!library.getKey().startsWith("lib_")) {
          continue;
        }
        Matcher defined = FUNCTION.matcher(library.getValue());
        while (defined.find()) {
          String function = defined.group(1);
          if (own.contains(function + "(")) {
            assertThat(script.body())
                .as("%s calls %s of %s", script, function, library.getKey())
                .contains("local function " + function + "(");
          }
        }
      }
    }
  }

  @Test
  void theWaiterReadAndTheTombstoneCheck_liveOnlyInTheWaiterLibrary() {
    Map<String, String> lua = AdapterSources.lua();

    assertThat(lua.get("lib_waiter.lua")).contains("'seq', 'uid', 'ident', 'joined'", "tomb");
    lua.forEach(
        (name, text) -> {
          if (!name.equals("lib_waiter.lua")) {
            assertThat(text).as(name).doesNotContain("'seq', 'uid', 'ident', 'joined'", "tomb)");
          }
        });
  }
}
