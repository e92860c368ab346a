package dev.knead.experiments.catalogue;

import dev.knead.core.data.words.WordVectors;
import dev.knead.experiments.Claim;
import dev.knead.experiments.Experiment;
import dev.knead.experiments.ExperimentListener;
import dev.knead.experiments.ExperimentParam;
import dev.knead.experiments.ExperimentResult;
import dev.knead.experiments.Protocol;
import dev.knead.experiments.Protocols;
import dev.knead.experiments.SeedRow;
import dev.knead.experiments.Settings;
import java.util.List;
import java.util.Locale;

/** Word arithmetic on the shipped GloVe vectors: king − man + woman ranks queen first. */
public final class WordAnalogyExperiment implements Experiment {
  @Override
  public String name() {
    return "word-analogy";
  }

  @Override
  public String claim() {
    return "On the shipped word vectors (GloVe 6B 100-d, 10,000 most frequent words), king − man + woman ranks queen first.";
  }

  @Override
  public String citation() {
    return "T. Mikolov, W. Yih, G. Zweig, Linguistic Regularities in Continuous Space Word Representations (NAACL 2013);"
        + " J. Pennington, R. Socher, C. D. Manning, GloVe: Global Vectors for Word Representation (EMNLP 2014)";
  }

  @Override
  public Protocol kind() {
    return Protocol.EXISTENCE;
  }

  @Override
  public List<ExperimentParam> params() {
    return List.of(
        ExperimentParam.of("a", "king", "first word (a in a − b + c)"),
        ExperimentParam.of("b", "man", "word subtracted"),
        ExperimentParam.of("c", "woman", "word added"),
        ExperimentParam.of("expected", "queen", "the answer the claim expects first"));
  }

  /** No seeds: the measurement is deterministic. */
  @Override
  public int defaultSeeds(boolean quick) {
    return 1;
  }

  @Override
  public ExperimentResult run(Settings s, List<Long> seeds, boolean quick, ExperimentListener listener) {
    Claim c = claim(WordVectors.shipped(), s.text("a"), s.text("b"), s.text("c"), s.text("expected"));
    listener.onProgress(name(), c.finding());
    return new ExperimentResult(name(), claim(), citation(), s, seeds, quick, List.of(c));
  }

  /** The verdict on any vectors: holds when {@code expected} ranks first among the answers to a − b + c. */
  static Claim claim(WordVectors v, String a, String b, String c, String expected) {
    WordVectors.Neighbour e = v.rankOf(expected, a, b, c);
    WordVectors.Neighbour best = v.analogy(a, b, c, 1).best();
    SeedRow row = SeedRow.of(0, v.source()).put("rank", e.rank()).put("cosine", e.cosine())
        .put("best_cosine", best.cosine()).put("first", best.word().equals(expected)).build();
    Claim claim = Protocols.existence(a + " − " + b + " + " + c + " ranks " + expected + " first.",
        "one deterministic measurement, no seeds: the cosine of every word's unit vector with â − b̂ + ĉ, the three"
            + " question words excluded (the standard protocol, 3CosAdd); holds when " + expected + " has rank 1",
        List.of(row), r -> r.get("rank") == 1);
    String finding = String.format(Locale.ROOT, "%s ranks %d (cosine %.4f); first is %s (cosine %.4f)", expected, e.rank(),
        e.cosine(), best.word(), best.cosine());
    return new Claim(claim.statement(), claim.kind(), claim.verdict(), claim.protocol(), finding, claim.rows(), claim.test());
  }
}
