package dev.knead.experiments;

/** What a run says about a claim. */
public enum ClaimVerdict {
  HOLDS,
  FAILS,
  INCONCLUSIVE
}
