package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A real data set that ships with Knead: gzipped IDX files in the {@code data} module's jar
 * ({@code dev/knead/data/<name>/}), read from the class path. Its values are fixed: the seed
 * changes nothing, and it comes with its own train/test split ({@link #fixedSplit}). Pixels are
 * scaled to [0, 1]. Its topology is not known in advance ({@link GroundTruth#unknown()}).
 */
public abstract class ShippedData implements Generator {
  /** The folder of the shipped files on the class path. */
  static final String ROOT = "dev/knead/data/";

  /** @return the names of the classes, without reading the files */
  public abstract List<String> classNames();

  /**
   * The first {@code rows} images and labels of one IDX pair of this data set, pixels divided by
   * {@code top} (so they lie in [0, 1]).
   */
  Part read(String images, String labels, int rows, double top) {
    IdxArray x = idx(images, rows);
    IdxArray y = idx(labels, rows);
    int[] dims = x.dims();
    int d = 1;
    for (int k = 1; k < dims.length; k++) {
      d *= dims[k];
    }
    double[] v = x.values();
    for (int k = 0; k < v.length; k++) {
      v[k] /= top;
    }
    int[] labelsOut = new int[rows];
    for (int i = 0; i < rows; i++) {
      labelsOut[i] = (int) y.values()[i];
    }
    return new Part(v, labelsOut, d);
  }

  /** Rows of points and their labels. */
  record Part(double[] values, int[] labels, int dim) {}

  private IdxArray idx(String file, int rows) {
    String path = ROOT + name() + "/" + file;
    InputStream raw = ShippedData.class.getClassLoader().getResourceAsStream(path);
    if (raw == null) {
      throw new BadInputException(name() + ": the shipped data is not on the class path (" + path + " is in knead-data.jar, "
          + "which must sit beside knead.jar; rebuild with: ./mvnw -B -DskipTests package)");
    }
    try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
      return IdxArray.readRows(file, in, rows);
    } catch (IOException e) {
      throw new BadInputException(name() + ": cannot read the shipped " + file + " (" + e.getMessage() + ")");
    }
  }

  /** The data set from its parts: the training rows first, then the test rows. */
  Dataset dataset(Map<String, Double> params, Part train, Part test) {
    double[] all = new double[train.values().length + test.values().length];
    System.arraycopy(train.values(), 0, all, 0, train.values().length);
    System.arraycopy(test.values(), 0, all, train.values().length, test.values().length);
    int n = train.labels().length + test.labels().length;
    int[] labels = new int[n];
    System.arraycopy(train.labels(), 0, labels, 0, train.labels().length);
    System.arraycopy(test.labels(), 0, labels, train.labels().length, test.labels().length);
    return new Dataset(name(), params, Points.wrap(n, train.dim(), all), labels, classNames(), GroundTruth.unknown());
  }

  @Override
  public abstract Optional<Split> fixedSplit(Dataset d);

  static List<String> digitNames() {
    return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }
}
