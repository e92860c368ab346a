package dev.knead.app.lab;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Datasets;
import dev.knead.core.data.GroundTruth;
import dev.knead.core.data.Points;
import java.util.List;

/** The data set a lab request describes: generated or uploaded, plus the points clicked in. */
final class LabData {
  private LabData() {}

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
