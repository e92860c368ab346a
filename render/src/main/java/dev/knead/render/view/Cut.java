package dev.knead.render.view;

/**
 * A decision boundary n · p + c = 0 in a scene's own coordinates: a line in a flat scene, a
 * plane in a 3-D one (the output layer's cut, drawn in the last hidden space).
 *
 * @param normal 3 numbers (a flat scene ignores the third)
 * @param offset c
 */
public record Cut(double[] normal, double offset) {
  public Cut {
    normal = java.util.Arrays.copyOf(normal, 3);
  }

  @Override
  public double[] normal() {
    return normal.clone();
  }

  public double side(double x, double y, double z) {
    return normal[0] * x + normal[1] * y + normal[2] * z + offset;
  }
}
