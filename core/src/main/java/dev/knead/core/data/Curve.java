package dev.knead.core.data;

/**
 * A polyline that belongs to one class, for example the core circle of a solid torus. Carried
 * through a network so linking and winding numbers can be measured at every stage.
 *
 * @param classIndex the class the curve belongs to
 * @param vertices m × d vertices in order
 * @param closed whether the last vertex joins the first
 */
public record Curve(int classIndex, Points vertices, boolean closed) {}
