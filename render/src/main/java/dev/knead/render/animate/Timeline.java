package dev.knead.render.animate;

/**
 * Where frame k of an animation is: which move, how far into it (eased), and how far the camera
 * has turned. A loop is: hold on the input, then for every stage the move into it followed by
 * a hold on it. Moves start and end at rest (smoothstep easing), so a stage is a pause, not a
 * kink.
 */
public final class Timeline {
  private final int stages;
  private final int frames;
  private final double hold;

  /** @param stages number of stages of the trace (moves = stages − 1) */
  public Timeline(int stages, int frames, double hold) {
    if (stages < 1 || frames < 1) {
      throw new IllegalArgumentException("a timeline needs a stage and a frame");
    }
    this.stages = stages;
    this.frames = frames;
    this.hold = hold;
  }

  /**
   * A position: the move into stage {@code stage} at eased position {@code t}; stage 0 means
   * resting on the input.
   *
   * @param u share of the whole loop, [0, 1)
   */
  public record Position(int stage, double t, double u) {}

  public int frames() {
    return frames;
  }

  public Position at(int frame) {
    double u = frame / (double) frames;
    double total = (stages - 1) * (1 + hold) + hold;
    double s = u * total;
    if (s < hold || stages == 1) {
      return new Position(0, 1, u);
    }
    s -= hold;
    int move = (int) Math.floor(s / (1 + hold));
    if (move >= stages - 1) {
      return new Position(stages - 1, 1, u);
    }
    double in = s - move * (1 + hold);
    double t = in >= 1 ? 1 : ease(in);
    return new Position(move + 1, t, u);
  }

  /** Smoothstep 3t² − 2t³: zero speed at both ends. */
  public static double ease(double t) {
    double x = Math.max(0, Math.min(1, t));
    return x * x * (3 - 2 * x);
  }
}
