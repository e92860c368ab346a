package dev.knead.render;

import java.util.List;

/**
 * Colours of a figure. Class colours come from Okabe and Ito's colour-blind-safe set (2008),
 * in an order that keeps the first two far apart for every common colour-vision deficiency,
 * followed by Tol's wine and olive (2021) so that ten classes (the digits) get ten colours; a
 * class has one colour in every view. Colours are 0xAARRGGBB.
 *
 * @param classes one colour per class, cycled when there are more classes
 * @param background page colour
 * @param ink text and axes
 * @param muted secondary text, ticks
 * @param sheet grid lines of the rubber sheet
 */
public record Palette(List<Integer> classes, int background, int ink, int muted, int sheet) {
  /** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black; then wine, olive. */
  public static final Palette OKABE_ITO = new Palette(
      List.of(0xff0072b2, 0xffd55e00, 0xff009e73, 0xffcc79a7, 0xffe69f00, 0xff56b4e9, 0xfff0e442, 0xff000000,
          0xff882255, 0xff999933),
      0xffffffff, 0xff222222, 0xff777777, 0xff8a8a8a);

  public Palette {
    classes = List.copyOf(classes);
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("a palette needs at least one class colour");
    }
  }

  /** @return the colour of class c */
  public int classColor(int c) {
    return classes.get(Math.floorMod(c, classes.size()));
  }

  /** @return class c's colour mixed with the background: amount 0 = the colour, 1 = background */
  public int tint(int c, double amount) {
    return mix(classColor(c), background, amount);
  }

  /** Linear mix of two opaque colours; the result is opaque. */
  public static int mix(int a, int b, double t) {
    int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
    int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
    return 0xff000000 | r << 16 | g << 8 | bl;
  }

  /** @return the colour with alpha a ∈ [0, 1] */
  public static int alpha(int argb, double a) {
    return ((int) Math.round(Math.max(0, Math.min(1, a)) * 255) << 24) | (argb & 0xffffff);
  }
}
