package dev.knead.experiments;

import java.util.List;
import java.util.Optional;

/**
 * One claim as a run decided it.
 *
 * @param statement what is claimed
 * @param kind the protocol that decides it
 * @param verdict holds, fails or inconclusive
 * @param protocol how it was decided, in words a referee can check
 * @param finding what the numbers said, in one sentence
 * @param rows per seed (and network) the numbers behind the verdict
 * @param test for trend claims, the test and its p-value
 */
public record Claim(
    String statement,
    Protocol kind,
    ClaimVerdict verdict,
    String protocol,
    String finding,
    List<SeedRow> rows,
    Optional<TestResult> test) {
  public Claim {
    rows = List.copyOf(rows);
  }
}
