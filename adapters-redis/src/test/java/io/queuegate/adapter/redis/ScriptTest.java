package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptTest {

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
}
