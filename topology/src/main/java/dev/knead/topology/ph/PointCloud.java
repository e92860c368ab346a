package dev.knead.topology.ph;

/** Distance kernels for point clouds given as n × d arrays. */
final class PointCloud {
  private PointCloud() {}

  static float[][] toFloat(double[][] points) {
    float[][] f = new float[points.length][];
    for (int i = 0; i < points.length; i++) {
      f[i] = new float[points[i].length];
      for (int c = 0; c < f[i].length; c++) f[i][c] = (float) points[i][c];
    }
    return f;
  }

  /** Ripser's arithmetic: float squares summed in coordinate order, float square root. */
  static float distFloat(float[] a, float[] b) {
    float s = 0f;
    for (int c = 0; c < a.length; c++) {
      float t = a[c] - b[c];
      s += t * t;
    }
    return (float) Math.sqrt(s); // sqrt of a float is correctly rounded through double
  }

  static float distDouble(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < a.length; c++) {
      double t = a[c] - b[c];
      s += t * t;
    }
    return (float) Math.sqrt(s);
  }
}
