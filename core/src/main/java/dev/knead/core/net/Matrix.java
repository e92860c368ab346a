package dev.knead.core.net;

import java.util.Arrays;

/**
 * An immutable rows × cols matrix of doubles, row-major. Arrays are copied in and out.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] data;

  private Matrix(int rows, int cols, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** @param rowMajor rows × cols values, copied */
  public static Matrix of(int rows, int cols, double[] rowMajor) {
    if (rows < 0 || cols < 0 || (long) rows * cols != rowMajor.length) {
      throw new IllegalArgumentException(rowMajor.length + " values is not a " + rows + " × " + cols + " matrix");
    }
    return new Matrix(rows, cols, rowMajor.clone());
  }

  public static Matrix of(double[][] rows) {
    int c = rows.length == 0 ? 0 : rows[0].length;
    double[] a = new double[rows.length * c];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("matrix row " + i + " has " + rows[i].length + " values, not " + c);
      }
      System.arraycopy(rows[i], 0, a, i * c, c);
    }
    return new Matrix(rows.length, c, a);
  }

  public static Matrix identity(int n) {
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 1;
    }
    return new Matrix(n, n, a);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public double get(int i, int j) {
    return data[i * cols + j];
  }

  public double[] toArray() {
    return data.clone();
  }

  public double[][] toRows() {
    double[][] r = new double[rows][];
    for (int i = 0; i < rows; i++) {
      r[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }
    return r;
  }

  public void copyInto(double[] out) {
    System.arraycopy(data, 0, out, 0, data.length);
  }

  public Matrix transpose() {
    double[] t = new double[data.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = data[i * cols + j];
      }
    }
    return new Matrix(cols, rows, t);
  }

  /** @return this · other */
  public Matrix times(Matrix other) {
    if (cols != other.rows) {
      throw new IllegalArgumentException(rows + "×" + cols + " · " + other.rows + "×" + other.cols);
    }
    double[] p = new double[rows * other.cols];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        double a = data[i * cols + k];
        for (int j = 0; j < other.cols; j++) {
          p[i * other.cols + j] += a * other.data[k * other.cols + j];
        }
      }
    }
    return new Matrix(rows, other.cols, p);
  }

  /** @return the largest absolute entry of this − other */
  public double maxAbsDiff(Matrix other) {
    double m = 0;
    for (int i = 0; i < data.length; i++) {
      m = Math.max(m, Math.abs(data[i] - other.data[i]));
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + " × " + cols + "]";
  }
}
