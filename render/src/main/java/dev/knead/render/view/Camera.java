package dev.knead.render.view;

/**
 * Looks at a scene. With tilt 0 the camera looks straight down the third axis, which is
 * exactly the flat 2-D view; with tilt 1 it turns by {@code yaw} about the third axis and tips
 * by {@code elevation} so the third axis points up the page. Animations blend tilt from 0 to 1
 * while a stage gains its third dimension, so nothing jumps.
 *
 * @param yaw radians about the third axis
 * @param elevation radians the view is tipped at full tilt (about 1.1 is a good oblique view)
 * @param tilt 0 … 1
 * @param perspective 0 = orthographic; otherwise the eye distance in scene radii (about 5)
 */
public record Camera(double yaw, double elevation, double tilt, double perspective) {
  public static final Camera FLAT = new Camera(0, 0, 0, 0);

  public static Camera oblique(double yaw) {
    return new Camera(yaw, 1.1, 1, 5);
  }

  /**
   * Projects n points (n × 3, relative to centre c) to view coordinates.
   *
   * @param out n × 3: view x, view y (up), depth (towards the eye)
   * @param radius the scene's radius, for perspective
   */
  public void project(double[] p, int n, double[] c, double radius, double[] out) {
    double yw = yaw * tilt;
    double a = elevation * tilt;
    double cy = Math.cos(yw);
    double sy = Math.sin(yw);
    double ca = Math.cos(a);
    double sa = Math.sin(a);
    double eye = perspective > 0 ? perspective * radius : 0;
    for (int i = 0; i < n; i++) {
      double dx = p[i * 3] - c[0];
      double dy = p[i * 3 + 1] - c[1];
      double dz = p[i * 3 + 2] - c[2];
      double x1 = cy * dx - sy * dy;
      double y1 = sy * dx + cy * dy;
      double vy = ca * y1 + sa * dz;
      double depth = -sa * y1 + ca * dz;
      double f = 1;
      if (eye > 0 && tilt > 0) {
        f = 1 + tilt * (eye / Math.max(1e-9, eye - depth) - 1);
      }
      out[i * 3] = x1 * f;
      out[i * 3 + 1] = vy * f;
      out[i * 3 + 2] = depth;
    }
  }
}
