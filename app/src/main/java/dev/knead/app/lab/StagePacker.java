package dev.knead.app.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.core.io.Json;
import dev.knead.core.trace.Projection;

/**
 * Packs one stage for the page (docs/lab.md, "Packed stages"): its rows — n points, then the
 * grid's lines × samples, then f region samples, each d wide — projected to the shown k ≤ 3
 * coordinates (PCA fitted to the points when d &gt; 3), one box around all of them, and each
 * block as base64 of 16-bit integers over that box. Keeps its scratch buffers between calls, so
 * a live update allocates only the strings it sends; one packer per thread.
 */
final class StagePacker {
  private double[] shown = new double[0];
  private byte[] bytes = new byte[0];

  /**
   * @param rows m × d row-major, m = n + lines · samples + f
   * @return {dim, shown, pca, box, n, points, lines, samples, grid, field_n, field}
   */
  ObjectNode pack(double[] rows, int d, int n, int lines, int samples, int f) {
    return pack(rows, d, n, lines, samples, f, null);
  }

  /** As {@link #pack(double[], int, int, int, int, int)}; also keeps the shown coordinates (before packing) in shownOut when given. */
  ObjectNode pack(double[] rows, int d, int n, int lines, int samples, int f, double[][] shownOut) {
    final int m = n + lines * samples + f;
    // the one projection of wide stages, the same render draws (core's Projection)
    final Projection proj = Projection.fit(rows, n, d);
    final int k = proj.shown();
    if (shown.length < m * k) {
      shown = new double[m * k];
    }
    proj.apply(proj.view(0), rows, m, shown);
    if (shownOut != null) {
      shownOut[0] = java.util.Arrays.copyOf(shown, m * k);
    }
    final double[] box = Packed.emptyBox(k);
    Packed.grow(box, shown, m * k, k);
    Packed.settle(box);
    final int g = n + lines * samples;
    ObjectNode o = Json.object();
    o.put("dim", d);
    o.put("shown", k);
    o.put("pca", !proj.isIdentity());
    ArrayNode b = o.putArray("box");
    for (double v : box) {
      b.add(v);
    }
    o.put("n", n);
    o.put("points", encode(0, n * k, k, box));
    o.put("lines", lines);
    o.put("samples", samples);
    o.put("grid", encode(n * k, g * k, k, box));
    o.put("field_n", f);
    o.put("field", encode(g * k, m * k, k, box));
    return o;
  }

  private String encode(int from, int to, int k, double[] box) {
    if (bytes.length < 2 * (to - from)) {
      bytes = new byte[2 * (to - from)];
    }
    return Packed.encode(shown, from, to, k, box, bytes);
  }
}
