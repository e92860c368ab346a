package dev.knead.core.data;

import dev.knead.core.data.words.WordClasses;
import dev.knead.core.data.words.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Words as 100-D points: each word of Knead's lists (countries, animals, foods) at its shipped
 * GloVe 6B 100-d vector, labelled by its list. Nothing is random; the seed is not used.
 */
public final class WordPoints implements Generator {
  @Override
  public String name() {
    return "words";
  }

  @Override
  public String description() {
    return "100-D: countries, animals and foods as their GloVe 6B 100-d word vectors (Pennington et al. 2014, PDDL 1.0)";
  }

  @Override
  public int dim() {
    return 100;
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues.check(name(), params(), values);
    WordVectors v = WordVectors.shipped();
    WordClasses lists = WordClasses.shipped();
    int n = lists.classes().values().stream().mapToInt(List::size).sum();
    double[] xs = new double[n * v.dim()];
    int[] labels = new int[n];
    int i = 0;
    int c = 0;
    for (List<String> words : lists.classes().values()) {
      for (String w : words) {
        System.arraycopy(v.vector(w), 0, xs, i * v.dim(), v.dim());
        labels[i++] = c;
      }
      c++;
    }
    return new Dataset(name(), Map.of(), Points.of(n, v.dim(), xs), labels, new ArrayList<>(lists.classes().keySet()),
        GroundTruth.unknown());
  }
}
