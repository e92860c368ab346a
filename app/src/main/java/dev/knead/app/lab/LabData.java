package dev.knead.app.lab;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import java.util.List;

/** The data set a lab request describes: generated or uploaded, less the points clicked away, plus those clicked in. */
final class LabData {
  /** How far (in each coordinate) a removal may be from the point it removes: the URL keeps 3 decimals. */
  static final double REMOVE_TOLERANCE = 2e-3;

  private LabData() {}

  /**
   * @param removed m × d: each row removes the nearest point still there, which must lie within
   *     {@link #REMOVE_TOLERANCE} of it in every coordinate
   */
  static Dataset remove(Dataset base, double[] removed) {
    if (removed.length == 0) {
      return base;
    }
    int d = base.dim();
    if (removed.length % d != 0) {
      throw LabException.bad("data.removed", "points of " + base.name() + " have " + d + " coordinates");
    }
    int n = base.size();
    double[] x = base.points().toArray();
    boolean[] gone = new boolean[n];
    for (int r = 0; r < removed.length / d; r++) {
      int best = -1;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (gone[i]) {
          continue;
        }
        double dist = 0;
        double worst = 0;
        for (int j = 0; j < d; j++) {
          double diff = Math.abs(x[i * d + j] - removed[r * d + j]);
          dist += diff * diff;
          worst = Math.max(worst, diff);
        }
        if (worst <= REMOVE_TOLERANCE && dist < bestDist) {
          best = i;
          bestDist = dist;
        }
      }
      if (best < 0) {
        throw LabException.bad("data.removed[" + r + "]", "no point of " + base.name() + " lies there (it may be removed already)");
      }
      gone[best] = true;
    }
    int kept = 0;
    for (boolean g : gone) {
      kept += g ? 0 : 1;
    }
    double[] px = new double[kept * d];
    int[] labels = new int[kept];
    int[] all = base.labels();
    for (int i = 0, k = 0; i < n; i++) {
      if (!gone[i]) {
        System.arraycopy(x, i * d, px, k * d, d);
        labels[k++] = all[i];
      }
    }
    // Removing points changes the shape too: the known topology no longer applies.
    return new Dataset(base.name() + " − " + (n - kept) + " removed", base.params(), Points.of(kept, d, px), labels,
        List.copyOf(base.classNames()), GroundTruth.unknown());
  }

  static Dataset load(LabRequest r, Uploads uploads) {
    Dataset base;
    if (r.upload().isPresent()) {
      base = uploads.get(r.upload().get())
          .orElseThrow(() -> LabException.bad("data.upload", "no upload '" + r.upload().get() + "' (uploads live until the lab stops)"));
    } else {
      try {
        base = Datasets.generate(r.config().data().source(), r.config().data().settings(), r.config().data().seed());
      } catch (BadInputException e) {
        throw LabException.bad("data.params", e.getMessage());
      }
    }
    if (base.size() > LabConfig.MAX_POINTS * 4) {
      throw LabException.bad("data.params.points", "the lab trains on at most " + LabConfig.MAX_POINTS * 4 + " points; these settings make "
          + base.size());
    }
    base = remove(base, r.removed());
    int[] addedLabels = r.addedLabels();
    if (addedLabels.length == 0) {
      return base;
    }
    int d = base.dim();
    double[] added = r.added();
    if (added.length != addedLabels.length * d) {
      throw LabException.bad("data.added", "points of " + base.name() + " have " + d + " coordinates");
    }
    for (int y : addedLabels) {
      if (y >= base.classes()) {
        throw LabException.bad("data.added", "class " + y + " does not exist; " + base.name() + " has " + base.classes());
      }
    }
    int n = base.size();
    double[] all = new double[(n + addedLabels.length) * d];
    base.points().copyInto(all);
    System.arraycopy(added, 0, all, n * d, added.length);
    int[] labels = new int[n + addedLabels.length];
    System.arraycopy(base.labels(), 0, labels, 0, n);
    System.arraycopy(addedLabels, 0, labels, n, addedLabels.length);
    // Hand-added points change the shape, so the known topology no longer applies.
    return new Dataset(base.name() + " + " + addedLabels.length + " added", base.params(), Points.of(labels.length, d, all), labels,
        List.copyOf(base.classNames()), GroundTruth.unknown());
  }
}
