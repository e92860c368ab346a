package dev.knead.core.net;

/** Float32 dense kernels, plain loops (a first version: correct, not yet fast). */
public final class FloatBatchKernels {
  private FloatBatchKernels() {}

  public static final class Scratch {
    public Scratch(int capacity, int widestIn, int widestOut) {}
  }

  public static void affine(float[][] x, int n, int in, float[] p, int wOff, int bOff, int out, float[][] z, int threads) {
    for (int o = 0; o < out; o++) {
      float[] zo = z[o];
      java.util.Arrays.fill(zo, 0, n, p[bOff + o]);
      for (int j = 0; j < in; j++) {
        float w = p[wOff + o * in + j];
        float[] xj = x[j];
        for (int i = 0; i < n; i++) {
          zo[i] = Math.fma(w, xj[i], zo[i]);
        }
      }
    }
  }

  public static void inputGradient(float[][] dz, int n, int in, int out, float[] p, int wOff, float[][] dx, int threads) {
    for (int j = 0; j < in; j++) {
      float[] d = dx[j];
      java.util.Arrays.fill(d, 0, n, 0f);
      for (int o = 0; o < out; o++) {
        float w = p[wOff + o * in + j];
        float[] g = dz[o];
        for (int i = 0; i < n; i++) {
          d[i] = Math.fma(w, g[i], d[i]);
        }
      }
    }
  }

  public static void weightGradient(float[][] dz, float[][] x, int n, int in, int out, float[] g, int wOff, int bOff, Scratch s, int threads) {
    for (int o = 0; o < out; o++) {
      double b = 0;
      for (int i = 0; i < n; i++) {
        b += dz[o][i];
      }
      g[bOff + o] = (float) b;
      for (int j = 0; j < in; j++) {
        double w = 0;
        for (int i = 0; i < n; i++) {
          w += (double) dz[o][i] * x[j][i];
        }
        g[wOff + o * in + j] = (float) w;
      }
    }
  }

  public static void toUnits(double[] m, int n, int d, float[][] units) {
    for (int u = 0; u < d; u++) {
      for (int i = 0; i < n; i++) {
        units[u][i] = (float) m[i * d + u];
      }
    }
  }
}
