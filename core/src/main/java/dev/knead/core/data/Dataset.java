package dev.knead.core.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A labelled point cloud: what a network is trained on and what a trace carries.
 *
 * @param name the generator's name, or the file name for loaded data
 * @param params the parameters it was made with (points, noise, seed, shape parameters)
 * @param points n × d coordinates
 * @param labels class index in [0, k) for every point, length n (copied in and out)
 * @param classNames k names, k ≥ 2
 * @param truth the ground-truth topology, {@link GroundTruth#unknown()} for loaded files
 */
public record Dataset(
    String name,
    Map<String, Double> params,
    Points points,
    int[] labels,
    List<String> classNames,
    GroundTruth truth) {

  public Dataset {
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    labels = labels.clone();
    classNames = List.copyOf(classNames);
    if (labels.length != points.n()) {
      throw new IllegalArgumentException(labels.length + " labels for " + points.n() + " points");
    }
    for (int y : labels) {
      if (y < 0 || y >= classNames.size()) {
        throw new IllegalArgumentException("label " + y + " outside [0, " + classNames.size() + ")");
      }
    }
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  public int label(int i) {
    return labels[i];
  }

  public int size() {
    return points.n();
  }

  public int dim() {
    return points.d();
  }

  public int classes() {
    return classNames.size();
  }

  /** @return the points of one class, in data-set order */
  public Points classPoints(int c) {
    return points.select(java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray());
  }

  /** @return per class, its number of points */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int y : labels) {
      counts[y]++;
    }
    return counts;
  }

  /** The subset with the given indices, same name, parameters and ground truth. */
  public Dataset select(int[] indices) {
    int[] y = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      y[k] = labels[indices[k]];
    }
    return new Dataset(name, params, points.select(indices), y, classNames, truth);
  }

  /** SHA-256 over dimensions, coordinates (IEEE bits) and labels: names a data set exactly. */
  public String hash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(8);
      md.update(buf.putInt(0, points.n()).putInt(4, points.d()).array());
      for (int i = 0; i < points.n(); i++) {
        for (int j = 0; j < points.d(); j++) {
          md.update(buf.putLong(0, Double.doubleToLongBits(points.get(i, j))).array());
        }
        md.update(buf.putLong(0, labels[i]).array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d
        && d.name.equals(name)
        && d.params.equals(params)
        && d.points.equals(points)
        && java.util.Arrays.equals(d.labels, labels)
        && d.classNames.equals(classNames)
        && d.truth.equals(truth);
  }

  @Override
  public int hashCode() {
    return points.hashCode() * 31 + java.util.Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ", " + points + ", " + classNames.size() + " classes]";
  }
}
