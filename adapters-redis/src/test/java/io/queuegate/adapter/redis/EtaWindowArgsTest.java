package io.queuegate.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.domain.model.AdmissionWindows;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Redis side of the ETA windows agrees with the domain's and holds no length of its own. */
class EtaWindowArgsTest {

  @Test
  void windowArgs_areTheDomainSpansInMillis_shortestFirst() {
    List<Long> millis = EtaWindowArgs.SPANS_MILLIS.stream().map(Long::parseLong).toList();

    assertThat(millis)
        .isEqualTo(AdmissionWindows.SPANS.stream().map(Duration::toMillis).toList())
        .isSorted();
    assertThat(Long.parseLong(EtaWindowArgs.LONGEST_MILLIS))
        .isEqualTo(AdmissionWindows.LONGEST.toMillis())
        .isEqualTo(millis.get(millis.size() - 1));
  }

  @Test
  void theScriptsThatCountAdmissions_holdNoWindowLength() {
    for (Duration span : AdmissionWindows.SPANS) {
      Pattern length = Pattern.compile("\\b(" + span.toMillis() + "|" + span.toSeconds() + ")\\b");
      for (String script : List.of("recent", "admit")) {
        assertThat(length.matcher(AdapterSources.lua(script)).find())
            .as("%s.lua holds %s", script, span)
            .isFalse();
      }
    }
  }

  @Test
  void recentReply_takesOneCountPerDomainWindow() {
    List<Object> counts = AdmissionWindows.SPANS.stream().map(s -> (Object) 1L).toList();

    assertThat(RecentReply.from(counts).counts()).hasSize(AdmissionWindows.SPANS.size());
  }
}
