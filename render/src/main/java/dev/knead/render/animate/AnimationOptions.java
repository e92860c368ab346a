package dev.knead.render.animate;

import dev.knead.render.FigureOptions;

/**
 * How a move-by-move animation is timed and drawn.
 *
 * @param figure size, scale, palette, what to paint
 * @param fps frames per second (GIF delays are whole hundredths, so 30 fps plays as 33.3)
 * @param seconds length of one loop
 * @param hold time resting on each stage, as a share of one move's time (0 = none)
 * @param turns how far a 3-D camera turns over the whole loop, in full turns
 * @param mergeRepeats write a frame identical to the one before as a longer delay instead
 * @param tour stages wider than 3-D swing their view from the first three principal axes to the
 *     next three and back, once per loop (see {@code Scene.of(…, tour)})
 */
public record AnimationOptions(FigureOptions figure, int fps, double seconds, double hold, double turns, boolean mergeRepeats,
    boolean tour) {
  public static final int MAX_FRAMES = 3000;

  public AnimationOptions {
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("fps must be within 1 … 60, got " + fps);
    }
    if (!(seconds > 0 && seconds <= 300)) {
      throw new IllegalArgumentException("seconds must be within (0, 300], got " + seconds);
    }
    if (frames(fps, seconds) > MAX_FRAMES) {
      throw new IllegalArgumentException(frames(fps, seconds) + " frames are too many (at most " + MAX_FRAMES + ")");
    }
    if (!(hold >= 0 && hold <= 10)) {
      throw new IllegalArgumentException("hold must be within 0 … 10, got " + hold);
    }
  }

  public static AnimationOptions of(FigureOptions figure, int fps, double seconds) {
    return new AnimationOptions(figure, fps, seconds, 0.35, 0.25, true, false);
  }

  /** Same options with the tour of wide stages on or off. */
  public AnimationOptions withTour(boolean on) {
    return new AnimationOptions(figure, fps, seconds, hold, turns, mergeRepeats, on);
  }

  /** @return the number of frames drawn */
  public int frames() {
    return frames(fps, seconds);
  }

  private static int frames(int fps, double seconds) {
    return Math.max(2, (int) Math.round(fps * seconds));
  }

  /** @return the GIF delay of one frame, hundredths of a second */
  public int delayCentis() {
    return Math.max(2, (int) Math.round(100.0 / fps));
  }
}
