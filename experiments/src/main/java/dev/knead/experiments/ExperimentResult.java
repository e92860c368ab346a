package dev.knead.experiments;

import java.util.List;

/**
 * What one experiment's run found.
 *
 * @param name the experiment
 * @param claim its claim text
 * @param citation where the claim comes from
 * @param settings the parameters used (after overrides)
 * @param seeds the seeds used, in order
 * @param quick whether it was a quick run
 * @param claims every sub-claim with its verdict
 */
public record ExperimentResult(
    String name, String claim, String citation, Settings settings, List<Long> seeds, boolean quick, List<Claim> claims) {
  public ExperimentResult {
    seeds = List.copyOf(seeds);
    claims = List.copyOf(claims);
  }

  /** @return the worst verdict: FAILS over INCONCLUSIVE over HOLDS */
  public ClaimVerdict overall() {
    if (claims.stream().anyMatch(c -> c.verdict() == ClaimVerdict.FAILS)) {
      return ClaimVerdict.FAILS;
    }
    return claims.stream().anyMatch(c -> c.verdict() == ClaimVerdict.INCONCLUSIVE) ? ClaimVerdict.INCONCLUSIVE : ClaimVerdict.HOLDS;
  }
}
