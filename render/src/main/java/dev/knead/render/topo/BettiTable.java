package dev.knead.render.topo;

import java.util.List;

/**
 * Betti numbers per stage and class.
 *
 * @param title what was measured, e.g. "2-3-2 tanh on disk-annulus"
 * @param stageNames one per measured stage, in order
 * @param classNames one per class
 * @param betti stage × class × dimension (β₀ … β_maxDim)
 * @param maxDim highest dimension
 */
public record BettiTable(String title, List<String> stageNames, List<String> classNames, List<List<List<Integer>>> betti,
    int maxDim) {
  public BettiTable {
    stageNames = List.copyOf(stageNames);
    classNames = List.copyOf(classNames);
    betti = betti.stream().map(perStage -> perStage.stream().map(List::copyOf).toList()).toList();
    if (betti.size() != stageNames.size()) {
      throw new IllegalArgumentException(betti.size() + " rows of Betti numbers for " + stageNames.size() + " stages");
    }
  }

  /** @return β_dim of class k at stage s (0 where not measured) */
  public int betti(int s, int k, int dim) {
    List<List<Integer>> row = betti.get(s);
    if (k >= row.size() || dim >= row.get(k).size()) {
      return 0;
    }
    return row.get(k).get(dim);
  }
}
