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

  /** Widens box (length 2k: lo0, hi0, lo1, hi1, …) to hold the first len values of x, k per row. */
  static void grow(double[] box, double[] x, int len, int k) {
    for (int i = 0, j = 0; i < len; i++, j = j + 1 == k ? 0 : j + 1) {
      double v = x[i];
      if (Double.isFinite(v)) {
        if (v < box[2 * j]) {
          box[2 * j] = v;
        }
        if (v > box[2 * j + 1]) {
          box[2 * j + 1] = v;
        }
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

  /**
   * @param x values, k per row; x[from] starts a row
   * @param out scratch of at least 2 · (to − from) bytes
   * @return base64 of x[from … to) as little-endian 16-bit values
   */
  static String encode(double[] x, int from, int to, int k, double[] box, byte[] out) {
    final double[] scale = new double[k];
    for (int j = 0; j < k; j++) {
      scale[j] = 65534 / (box[2 * j + 1] - box[2 * j]);
    }
    for (int i = from, j = 0, at = 0; i < to; i++, j = j + 1 == k ? 0 : j + 1, at += 2) {
      final double v = x[i];
      int q = Double.isFinite(v) ? (int) Math.floor((v - box[2 * j]) * scale[j] + 0.5) - 32767 : MISSING;
      q = q < MISSING ? MISSING : q > 32767 ? 32767 : q;
      out[at] = (byte) q;
      out[at + 1] = (byte) (q >> 8);
    }
    return new String(Base64.getEncoder().encode(java.nio.ByteBuffer.wrap(out, 0, 2 * (to - from))).array(),
        java.nio.charset.StandardCharsets.ISO_8859_1);
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
