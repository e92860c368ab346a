package dev.knead.core.data;

import java.util.Arrays;

/**
 * An immutable n × d block of coordinates, row-major. Arrays are copied in and out, so a
 * {@code Points} never changes after it is built.
 *
 * @param n number of points
 * @param d dimension of each point
 */
public final class Points {
  private final int n;
  private final int d;
  private final double[] data;

  private Points(int n, int d, double[] data) {
    this.n = n;
    this.d = d;
    this.data = data;
  }

  /** @param rowMajor n × d values, copied */
  public static Points of(int n, int d, double[] rowMajor) {
    if (n < 0 || d < 0 || (long) n * d != rowMajor.length) {
      throw new IllegalArgumentException("points: " + rowMajor.length + " values is not " + n + " × " + d);
    }
    return new Points(n, d, rowMajor.clone());
  }

  /** Takes the array without copying it: for readers that built it and keep no reference (70,000 MNIST images are 439 MB). */
  static Points wrap(int n, int d, double[] rowMajor) {
    if (n < 0 || d < 0 || (long) n * d != rowMajor.length) {
      throw new IllegalArgumentException("points: " + rowMajor.length + " values is not " + n + " × " + d);
    }
    return new Points(n, d, rowMajor);
  }

  /** @param rows n rows of equal length d, copied */
  public static Points of(double[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[] a = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("points: row " + i + " has " + rows[i].length + " values, not " + d);
      }
      System.arraycopy(rows[i], 0, a, i * d, d);
    }
    return new Points(rows.length, d, a);
  }

  public int n() {
    return n;
  }

  public int d() {
    return d;
  }

  public double get(int i, int j) {
    return data[i * d + j];
  }

  /** @return a copy of row i */
  public double[] row(int i) {
    return Arrays.copyOfRange(data, i * d, (i + 1) * d);
  }

  /** @return a copy of all values, row-major n × d */
  public double[] toArray() {
    return data.clone();
  }

  /** Copies all values into {@code out} (length ≥ n·d) starting at 0; for hot loops. */
  public void copyInto(double[] out) {
    System.arraycopy(data, 0, out, 0, data.length);
  }

  /** @return the points whose indices are given, in that order */
  public Points select(int[] indices) {
    double[] a = new double[indices.length * d];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(data, indices[k] * d, a, k * d, d);
    }
    return new Points(indices.length, d, a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Points p && p.n == n && p.d == d && Arrays.equals(p.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * n + d) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Points[" + n + " × " + d + "]";
  }
}
