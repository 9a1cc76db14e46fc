package io.queuegate.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionHistoryTest {

  @Test
  void windows_sumTheNewestSlotsOfEachSpan() {
    // Slot i holds i + 1 admissions, so each window's sum tells which slots it took.
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < AdmissionHistory.SLOTS; i++) {
      slots.add(i + 1L);
    }

    AdmissionWindows windows = new AdmissionHistory(slots, Duration.ofSeconds(900)).windows();

    // 60 s = 4 slots, 300 s = 20 slots, 900 s = 60 slots.
    assertThat(windows).isEqualTo(new AdmissionWindows(10, 210, 1830));
  }

  @Test
  void windows_ofNoAdmissions_areNone() {
    assertThat(AdmissionHistory.NONE.windows()).isEqualTo(AdmissionWindows.NONE);
  }
}
