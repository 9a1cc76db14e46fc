package io.queuegate.domain.mirror;

import java.util.Arrays;

/**
 * One page of a line's snapshot: sequence numbers of first-come waiters, ascending; {@code last}
 * tells the reader that the line holds nothing above them.
 */
public record LinePage(long[] sequences, boolean last) {
  public LinePage {
    sequences = sequences.clone();
    for (int i = 1; i < sequences.length; i++) {
      if (sequences[i] <= sequences[i - 1]) {
        throw new IllegalArgumentException("a page's sequences ascend");
      }
    }
  }

  @Override
  public long[] sequences() {
    return sequences.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LinePage page
        && last == page.last
        && Arrays.equals(sequences, page.sequences);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(sequences) + Boolean.hashCode(last);
  }

  @Override
  public String toString() {
    return "LinePage[" + sequences.length + " sequences, last=" + last + "]";
  }
}
