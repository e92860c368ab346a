package dev.knead.topology.ph;

import java.util.List;

/**
 * A barcode with representative cycles for its longest H1 bars and the parameters used.
 *
 * @param barcode all bars, in the order Ripser reports them
 * @param cycles representative loops for the longest H1 bars, longest first
 * @param parameters how it was computed
 */
public record PersistenceResult(Barcode barcode, List<Cycle> cycles, RipsParameters parameters) {

  public PersistenceResult {
    cycles = List.copyOf(cycles);
  }

  /**
   * A closed loop drawn through the point cloud for one H1 bar: the bar's birth edge
   * (u, v) plus a shortest path from v back to u, by length, through edges that entered the
   * filtration before the birth edge. The loop exists at the bar's birth scale and passes
   * through the edge that created the class; it is a drawable witness, not a canonical
   * generator.
   *
   * @param bar the H1 bar
   * @param edges consecutive vertex pairs {a, b} around the loop
   */
  public record Cycle(Bar bar, List<int[]> edges) {
    public Cycle {
      edges = edges.stream().map(int[]::clone).toList();
    }

    /** Vertex pairs, copied. */
    @Override
    public List<int[]> edges() {
      return edges.stream().map(int[]::clone).toList();
    }

    public int length() {
      return edges.size();
    }

    /**
     * The loop's vertices in order around it (each edge {a, b} is followed by one starting at
     * b), the first not repeated at the end: a closed polygon through the cloud's points.
     */
    public int[] vertices() {
      int[] v = new int[edges.size()];
      for (int i = 0; i < v.length; i++) v[i] = edges.get(i)[0];
      return v;
    }
  }
}
