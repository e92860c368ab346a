/**
 * Persistent homology of Vietoris–Rips filtrations over Z/2, computed the way Ripser does
 * (U. Bauer, 2021), plus the Betti-number procedures built on it.
 *
 * <ul>
 *   <li>{@link dev.knead.topology.ph.Rips} — entry point: point cloud, distance matrix or
 *       neighbour lists in, {@link dev.knead.topology.ph.PersistenceResult} out (a
 *       {@link dev.knead.topology.ph.Barcode} of {@link dev.knead.topology.ph.Bar}s,
 *       representative loops for the longest H1 bars, the parameters used).
 *   <li>{@link dev.knead.topology.ph.RipserFormat} — ripser's text format, both ways.
 *   <li>{@link dev.knead.topology.ph.HopBetti} — Naitzat et al.'s kNN-graph hop-distance
 *       Betti numbers with a frozen (k, scale); {@link dev.knead.topology.ph.StableScale} —
 *       automatic scale for plain Euclidean clouds.
 * </ul>
 *
 * <p>Inside: a simplex is a long key (distance rank, combinatorial-number-system index);
 * {@code CohomologyEngine} reduces implicit coboundary matrices with clearing, apparent and
 * emergent pairs and a heap of keys; {@code DenseFiltration} and {@code SparseFiltration}
 * enumerate cofacets on the fly. Nothing here prints or keeps global state.
 */
package dev.knead.topology.ph;
