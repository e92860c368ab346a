package dev.knead.experiments.catalogue;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Network;
import dev.knead.experiments.Betti;
import dev.knead.experiments.Nets;
import dev.knead.topology.ph.HopBetti;
import java.util.List;

/**
 * Naitzat et al.'s topological complexity ω = Σ over classes of β₀ + β₁ + β₂, at the input and
 * after every hidden layer, by the hop-distance procedure frozen on the input (their §5).
 */
final class Complexity {
  private Complexity() {}

  /**
   * @param max most points per class (a subsample seeded by {@code seed})
   * @return ω per stage: index 0 the input, index l the output of hidden layer l (1 … depth)
   */
  static int[] perLayer(Network net, Dataset data, int max, long seed) {
    List<double[][]> st = Nets.stages(net, data.points());
    int[] y = data.labels();
    int maxDim = Math.min(2, data.dim() - 1);
    HopBetti[] proc = new HopBetti[data.classes()];
    int[][] idx = new int[data.classes()][];
    for (int c = 0; c < data.classes(); c++) {
      idx[c] = Betti.sample(y, c, max, seed);
      List<Integer> known = data.truth().betti().get(c);
      int[] k = new int[maxDim + 1];
      for (int d = 0; d <= maxDim; d++) {
        k[d] = d < known.size() ? known.get(d) : 0;
      }
      proc[c] = Betti.freeze(Betti.select(st.get(0), idx[c]), k);
    }
    int[] omega = new int[st.size() - 1]; // the last stage is the logits: not a hidden layer
    for (int i = 0; i < omega.length; i++) {
      for (int c = 0; c < data.classes(); c++) {
        List<Integer> beta = Betti.of(proc[c], Betti.select(st.get(i), idx[c]));
        omega[i] += beta.stream().mapToInt(Integer::intValue).sum();
      }
    }
    return omega;
  }

  /**
   * The share of the total drop ω_input − ω_last made before the last hidden layer:
   * (ω₀ − ω_{L−1}) / (ω₀ − ω_L). 0 when the whole drop happens in the last layer, 1 when it is complete before it.
   *
   * @param omega ω per stage, input first, L = omega.length − 1 ≥ 1 hidden layers
   * @return NaN when there is no drop (ω_L ≥ ω₀): the share is then undefined
   */
  static double shareBeforeLast(int[] omega) {
    int last = omega.length - 1;
    double total = omega[0] - omega[last];
    return total <= 0 ? Double.NaN : (omega[0] - omega[last - 1]) / total;
  }
}
