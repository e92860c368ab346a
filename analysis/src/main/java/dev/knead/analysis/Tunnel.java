package dev.knead.analysis;

import dev.knead.core.net.Activation;
import dev.knead.core.net.Block;
import dev.knead.core.net.Coupling;
import dev.knead.core.net.Flow;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.core.net.Residual;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tunnel through an invertible network: a constructive certificate that a stack of
 * invertible blocks (flows without padding, couplings, i-ResNet blocks) followed by a linear
 * read-out cannot enclose a class. The stack is a homeomorphism φ of ℝ^d and the read-out's
 * region of class c is a half-plane H, so the class's region is φ⁻¹(H): connected and unbounded.
 * The construction needs no search: take a data point x₀ the network labels c, push it forward,
 * y₀ = φ(x₀), walk the ray y₀ + s·w (w the read-out's normal towards c, so every point of the ray
 * lies in H) and pull it back, x(s) = φ⁻¹(y₀ + s·w), with the blocks' own inverses. The path
 * leaves every bounded set, so it crosses the shell around the data; its samples that lie in the
 * shell, each labelled c by the network's own forward pass, are checkable misclassified shell
 * points.
 *
 * <p>The inverses are numerical (Newton on each RK4 step, a coupling's closed form, an i-ResNet's
 * fixed point) and the forward pass's discrete solver is only approximately the flow: the
 * certificate is the forward-pass labels of the samples, not the inverse. Consecutive samples are
 * at most {@link Options#spacing} apart (in input units) within twice the shell's outer radius,
 * then at most spacing × r / (2 r_outer), out to {@link Options#reach}; between samples nothing is
 * checked, so the path is a chain of verified points, not a proof of connectedness.
 */
public final class Tunnel {
  /** The findings. */
  public enum Outcome {
    /** A sampled path from a data point, every sample labelled the class, passes points of the shell. */
    FOUND("found"),
    /** The construction applied but no verified shell point was found (a sample on the way was labelled otherwise, or the inverse failed). */
    NOT_FOUND("not found at this spacing"),
    /** The network is not invertible blocks then a linear read-out of two classes: the construction does not apply. */
    NOT_APPLICABLE("not applicable"),
    /** The network labels none of the class's data as the class. */
    EMPTY("empty");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param spacing largest gap between consecutive samples within twice the shell's outer radius (input units)
   * @param reach the radius around the centre out to which the path is followed
   * @param starts how many of the class's data points to try as starts (innermost first, then spread out)
   * @param maxSamples samples per start at most
   */
  public record Options(double spacing, double reach, int starts, int maxSamples) {
    public Options {
      if (!(spacing > 0) || !(reach > 0) || starts < 1 || maxSamples < 2) {
        throw new IllegalArgumentException("tunnel options: spacing, reach positive, at least one start and two samples");
      }
    }

    /** Spacing r_outer / 1000, reach 100 × r_outer, 8 starts, 200,000 samples. */
    public static Options around(double outer) {
      return new Options(outer / 1000, 100 * outer, 8, 200_000);
    }
  }

  /**
   * What the walk found.
   *
   * @param outcome the finding
   * @param sentence the finding in plain words
   * @param startsTried data points tried as starts
   * @param start the start of the reported path (a data point labelled the class); empty when none
   * @param direction the read-out's unit normal towards the class, in the read-out's coordinates
   * @param exhibit the verified shell point nearest the shell's middle radius; empty unless found
   * @param exhibitMargin the class's logit minus the other's at the exhibit (positive: labelled the class)
   * @param shellSamples samples of the path in the shell, every one labelled the class
   * @param crossesShell whether the verified path has samples inside the shell's inner radius and beyond its outer one
   * @param reach the farthest radius from the centre of the verified path (every sample up to it labelled the class)
   * @param samples samples on the verified path
   * @param spacing the sample spacing near the data (input units)
   * @param roundTrip |φ⁻¹(φ(x₀)) − x₀|, the inverse's error at the start
   */
  public record Finding(Outcome outcome, String sentence, int startsTried, double[] start, double[] direction, double[] exhibit,
      double exhibitMargin, int shellSamples, boolean crossesShell, double reach, int samples, double spacing, double roundTrip) {
    public Finding {
      start = start.clone();
      direction = direction.clone();
      exhibit = exhibit.clone();
    }

    @Override
    public double[] start() {
      return start.clone();
    }

    @Override
    public double[] direction() {
      return direction.clone();
    }

    @Override
    public double[] exhibit() {
      return exhibit.clone();
    }

    public boolean found() {
      return outcome == Outcome.FOUND;
    }

    /** @return the exhibit's distance from the given centre (NaN without one) */
    public double exhibitRadius(double[] centre) {
      return exhibit.length == 0 ? Double.NaN : distance(exhibit, centre);
    }

    static Finding without(Outcome o, String sentence, int tried) {
      return new Finding(o, sentence, tried, new double[0], new double[0], new double[0], Double.NaN, 0, false, Double.NaN, 0,
          Double.NaN, Double.NaN);
    }
  }

  private Tunnel() {}

  /**
   * Why the construction does not apply to the network, or the empty string when it does: every
   * block before the last an invertible map of ℝ^d onto itself whose inverse Knead computes, the
   * last a dense layer without σ to two classes.
   */
  public static String inapplicable(Network net) {
    List<Block> blocks = net.blocks();
    Block last = blocks.get(blocks.size() - 1);
    if (!(last instanceof Layer l) || l.activation().kind() != Activation.Kind.IDENTITY) {
      return "the last block (" + last.label() + ") is not a linear read-out";
    }
    if (l.out() != 2) {
      return "the read-out gives " + l.out() + " classes; the ray is built for two";
    }
    final int d = net.inputDim();
    for (int i = 0; i < blocks.size() - 1; i++) {
      Block b = blocks.get(i);
      boolean invertible = b instanceof Flow f ? f.augmented() == 0 : b instanceof Coupling || b instanceof Residual;
      if (!invertible || b.in() != d || b.out() != d) {
        return "block " + (i + 1) + " (" + b.label() + ") is not an invertible map of ℝ^" + d + " onto itself";
      }
    }
    return "";
  }

  /**
   * Walks the pulled-back ray from the class's data points until a verified shell point is found.
   *
   * @param classData the data points of class c
   * @param centre the shell's centre
   * @param inner the shell's inner radius (r₂ of the disk in the annulus)
   * @param outer its outer radius (r₃)
   */
  public static Finding certify(Network net, double[][] classData, int c, double[] centre, double inner, double outer, Options o) {
    String why = inapplicable(net);
    if (!why.isEmpty()) {
      return Finding.without(Outcome.NOT_APPLICABLE, "The tunnel construction does not apply: " + why + ".", 0);
    }
    List<Block> blocks = net.blocks();
    List<Block> stack = blocks.subList(0, blocks.size() - 1);
    Layer readOut = (Layer) blocks.get(blocks.size() - 1);
    final int d = net.inputDim();
    double[] w = new double[d];
    double norm = 0;
    for (int j = 0; j < d; j++) {
      w[j] = readOut.weights().get(c, j) - readOut.weights().get(1 - c, j);
      norm += w[j] * w[j];
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0)) {
      return Finding.without(Outcome.NOT_FOUND, "The read-out does not depend on its input: no ray to walk.", 0);
    }
    for (int j = 0; j < d; j++) {
      w[j] /= norm;
    }
    List<double[]> labelled = new ArrayList<>();
    for (double[] x : classData) {
      if (net.predict(x) == c) {
        labelled.add(x.clone());
      }
    }
    if (labelled.isEmpty()) {
      return Finding.without(Outcome.EMPTY, "The network labels none of class " + c + "'s data as class " + c + ".", 0);
    }
    labelled.sort(Comparator.comparingDouble(x -> distance(x, centre)));
    Finding best = null;
    int tried = 0;
    final int k = Math.min(o.starts(), labelled.size());
    for (int t = 0; t < k; t++) {
      // the innermost first, then spread through the class's points by distance from the centre
      double[] x0 = labelled.get(k == 1 ? 0 : (int) ((long) t * (labelled.size() - 1) / (k - 1)));
      tried++;
      Finding f = walk(net, stack, x0, w, c, centre, inner, outer, o, tried);
      if (f.found()) {
        return f;
      }
      if (best == null || f.reach() > best.reach()) {
        best = f;
      }
    }
    return best;
  }

  /** One start: the ray walked and pulled back, each accepted sample labelled by the forward pass. */
  private static Finding walk(Network net, List<Block> stack, double[] x0, double[] w, int c, double[] centre, double inner,
      double outer, Options o, int tried) {
    double[] y0 = x0.clone();
    for (Block b : stack) {
      y0 = b.apply(y0);
    }
    double[] prev = pull(stack, y0);
    final double roundTrip = distance(prev, x0);
    double s = 0;
    double ds = o.spacing();
    int samples = 0;
    int shell = 0;
    double reach = 0;
    boolean inside = false;
    boolean beyond = false;
    double[] exhibit = new double[0];
    double exhibitMargin = Double.NaN;
    final double mid = (inner + outer) / 2;
    String stop = null;
    if (!finite(prev) || net.predict(prev) != c) {
      stop = "the start's own pull-back is not labelled the class (round trip " + fmt(roundTrip) + ")";
    }
    while (stop == null) {
      double r = distance(prev, centre);
      samples++;
      reach = Math.max(reach, r);
      inside |= r < inner;
      beyond |= r > outer;
      if (r >= inner && r <= outer) {
        shell++;
        if (exhibit.length == 0 || Math.abs(r - mid) < Math.abs(distance(exhibit, centre) - mid)) {
          exhibit = prev.clone();
          double[] z = net.logits(prev);
          exhibitMargin = z[c] - z[1 - c];
        }
      }
      if (r >= o.reach()) {
        break;
      }
      if (samples >= o.maxSamples()) {
        stop = "the sample budget (" + o.maxSamples() + ") ran out at radius " + fmt(r);
        break;
      }
      final double allowed = o.spacing() * Math.max(1, r / (2 * outer));
      double[] next = null;
      while (next == null) {
        double[] cand = pull(stack, along(y0, w, s + ds));
        if (finite(cand) && distance(cand, prev) <= allowed) {
          next = cand;
          s += ds;
          if (distance(cand, prev) < allowed / 4) {
            ds *= 2;
          }
        } else {
          ds /= 2;
          if (ds < 1e-13 * (1 + s)) {
            stop = "the pull-back jumps at radius " + fmt(r) + " (the inverse did not settle)";
            break;
          }
        }
      }
      if (next == null) {
        break;
      }
      if (net.predict(next) != c) {
        stop = "a sample at radius " + fmt(distance(next, centre)) + " is labelled otherwise by the forward pass";
        break;
      }
      prev = next;
    }
    boolean found = shell > 0;
    String sentence = found
        ? String.format(Locale.ROOT, "A path pulled back from the read-out's ray, %d samples at most %s apart, every one labelled"
            + " class %d, runs from a data point at radius %s out to radius %s and has %d samples in the shell %s ≤ r ≤ %s; the one at"
            + " (%s) is labelled class %d by the network (logit margin %s)%s.", samples, fmt(o.spacing()), c, fmt(distance(x0, centre)),
            fmt(reach), shell, fmt(inner), fmt(outer), join(exhibit), c, fmt(exhibitMargin), stop == null ? "" : "; the walk stopped: " + stop)
        : "No verified shell point: " + (stop == null ? "the path did not enter the shell" : stop) + ".";
    return new Finding(found ? Outcome.FOUND : Outcome.NOT_FOUND, sentence, tried, x0, w, exhibit, exhibitMargin, shell,
        inside && beyond, reach, samples, o.spacing(), roundTrip);
  }

  /** φ⁻¹ of one point through the stack, last block first. */
  static double[] pull(List<Block> stack, double[] y) {
    double[] x = y.clone();
    for (int i = stack.size() - 1; i >= 0; i--) {
      Block b = stack.get(i);
      if (b instanceof Flow f) {
        x = f.inverse(x, 1);
      } else if (b instanceof Coupling cp) {
        x = cp.inverse(x, 1);
      } else {
        double scale = 1;
        for (double v : x) {
          scale = Math.max(scale, Math.abs(v));
        }
        // the fixed point contracts by Lip g < 1 per iteration: stop a few ulps above rounding
        x = ((Residual) b).inverse(x, 1, 1e-13 * scale);
      }
      if (!finite(x)) {
        return x;
      }
    }
    return x;
  }

  private static double[] along(double[] y0, double[] w, double s) {
    double[] y = new double[y0.length];
    for (int j = 0; j < y.length; j++) {
      y[j] = y0[j] + s * w[j];
    }
    return y;
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return Math.sqrt(s);
  }

  private static boolean finite(double[] x) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String join(double[] x) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < x.length; j++) {
      b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", x[j]));
    }
    return b.toString();
  }
}
