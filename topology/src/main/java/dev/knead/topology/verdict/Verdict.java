package dev.knead.topology.verdict;

import java.util.List;

/**
 * One statement theory makes about an architecture on a data set.
 *
 * @param id stable identifier, e.g. "narrow-unbounded-regions"
 * @param kind what sort of claim it is
 * @param statement the claim in plain words
 * @param citation where it comes from
 * @param caveat what it does not say
 * @param facts the facts about the architecture and data that made it apply
 */
public record Verdict(String id, Kind kind, String statement, String citation, String caveat, List<String> facts) {

  /** What sort of claim a verdict is. */
  public enum Kind {
    /** No network of this shape can do it, at any depth or with any weights. */
    IMPOSSIBLE,
    /** Width is not what stands in the way. */
    POSSIBLE,
    /** The layers keep the data's topology (Betti numbers, links). */
    PRESERVES,
    /** A true property of the network worth knowing, with no judgement on the task. */
    INFO
  }

  /** Said with every verdict. */
  public static final String CAVEAT =
      "This concerns exact separation of the underlying sets, not accuracy on a finite sample;"
          + " in finite precision tanh and sigmoid saturate to their bounds and can change topology.";

  public Verdict {
    facts = List.copyOf(facts);
  }
}
