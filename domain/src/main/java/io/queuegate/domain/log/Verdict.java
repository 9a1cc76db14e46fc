package io.queuegate.domain.log;

import java.util.List;

/**
 * What the verifier concluded: the findings (none when the log passes) and what it saw, for the
 * report a person reads.
 */
public record Verdict(List<Finding> findings, List<String> notes) {
  public Verdict {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return findings.isEmpty();
  }
}
