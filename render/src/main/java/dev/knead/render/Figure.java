package dev.knead.render;

import dev.knead.render.canvas.Canvas;

/** Something drawn on a canvas in a width × height logical box. */
@FunctionalInterface
public interface Figure {
  void draw(Canvas c, double width, double height);
}
