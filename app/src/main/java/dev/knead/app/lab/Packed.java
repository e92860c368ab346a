package dev.knead.app.lab;

import java.util.Base64;

/**
 * Coordinates as the page receives them: 16-bit integers over a box, base64 in JSON. A value v
 * on axis j is sent as q = round((v − lo_j) / (hi_j − lo_j) · 65534) − 32767; −32768 marks a
 * value that is not finite. Resolution is 1/65534 of the box, far below a pixel.
 */
final class Packed {
  static final short MISSING = Short.MIN_VALUE;

  private Packed() {}

  /**
   * Widens box (length 2k: lo0, hi0, lo1, hi1, …) to hold the n × k values x.
   */
  static void grow(double[] box, double[] x, int k) {
    for (int i = 0, j = 0; i < x.length; i++, j = j + 1 == k ? 0 : j + 1) {
      double v = x[i];
      if (Double.isFinite(v)) {
        box[2 * j] = Math.min(box[2 * j], v);
        box[2 * j + 1] = Math.max(box[2 * j + 1], v);
      }
    }
  }

  static double[] emptyBox(int k) {
    double[] box = new double[2 * k];
    for (int j = 0; j < k; j++) {
      box[2 * j] = Double.POSITIVE_INFINITY;
      box[2 * j + 1] = Double.NEGATIVE_INFINITY;
    }
    return box;
  }

  /** Makes every axis of the box non-empty (a flat axis gets ±0.5 around its value). */
  static void settle(double[] box) {
    for (int j = 0; j < box.length / 2; j++) {
      if (!(box[2 * j] <= box[2 * j + 1])) {
        box[2 * j] = -1;
        box[2 * j + 1] = 1;
      }
      if (box[2 * j + 1] - box[2 * j] < 1e-9) {
        box[2 * j] -= 0.5;
        box[2 * j + 1] += 0.5;
      }
    }
  }

  /** @return base64 of little-endian 16-bit values */
  static String encode(double[] x, int k, double[] box) {
    byte[] out = new byte[x.length * 2];
    double[] scale = new double[k];
    for (int j = 0; j < k; j++) {
      scale[j] = 65534 / (box[2 * j + 1] - box[2 * j]);
    }
    for (int i = 0, j = 0; i < x.length; i++, j = j + 1 == k ? 0 : j + 1) {
      double v = x[i];
      int q = Double.isFinite(v) ? (int) Math.floor((v - box[2 * j]) * scale[j] + 0.5) - 32767 : MISSING;
      q = q < MISSING ? MISSING : q > 32767 ? 32767 : q;
      out[2 * i] = (byte) q;
      out[2 * i + 1] = (byte) (q >> 8);
    }
    return Base64.getEncoder().encodeToString(out);
  }

  /** @return base64 of bytes (classes, confidences) */
  static String bytes(int[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, v[i]));
    }
    return Base64.getEncoder().encodeToString(out);
  }
}
