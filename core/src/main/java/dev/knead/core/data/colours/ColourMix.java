package dev.knead.core.data.colours;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mixing colours as vectors, four ways, each named by its nearest CSS colour:
 *
 * <ul>
 *   <li>{@code light}: lights shone on one spot add their intensities: the sum in linear-light
 *       RGB, clipped at full intensity (red 128,0,0 and blue 0,0,128 give 128,0,128, CSS purple);
 *   <li>{@code srgb-average}: the plain average of the sRGB vectors (the same pair gives
 *       64,0,64: the hue of purple at half the light);
 *   <li>{@code linear-average}: the average in linear-light RGB, re-encoded to sRGB;
 *   <li>{@code lab-average}: the average in CIE L*a*b*.
 * </ul>
 */
public final class ColourMix {
  private static final Pattern TRIPLE = Pattern.compile("\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*");
  private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6})");

  /** The ways of mixing, in the order they are shown. */
  public enum Way {
    LIGHT("light", "sum of linear-light RGB (two lights on one spot), clipped at full intensity"),
    SRGB_AVERAGE("srgb-average", "average of the sRGB vectors"),
    LINEAR_AVERAGE("linear-average", "average in linear-light RGB"),
    LAB_AVERAGE("lab-average", "average in CIE L*a*b* (D65)");

    private final String label;
    private final String meaning;

    Way(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }

    public String label() {
      return label;
    }

    public String meaning() {
      return meaning;
    }
  }

  /** One way's result with its nearest CSS name. */
  public record Result(Way way, Srgb colour, CssColours.Nearest nearest) {}

  private ColourMix() {}

  /**
   * Reads "R,G,B" (whole numbers 0 … 255), "#rrggbb" or a CSS colour name.
   *
   * @throws BadInputException with one line saying what is accepted
   */
  public static Srgb parse(String text) {
    var m = TRIPLE.matcher(text);
    if (m.matches()) {
      int r = Integer.parseInt(m.group(1));
      int g = Integer.parseInt(m.group(2));
      int b = Integer.parseInt(m.group(3));
      if (r > 255 || g > 255 || b > 255) {
        throw new BadInputException("colour '" + text + "': each of R,G,B must be within 0 … 255");
      }
      return new Srgb(r, g, b);
    }
    var h = HEX.matcher(text.trim());
    if (h.matches()) {
      int v = Integer.parseInt(h.group(1), 16);
      return new Srgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }
    return CssColours.named(text).map(CssColours.Named::colour).orElseThrow(() -> new BadInputException("colour '" + text
        + "' is not R,G,B (0 … 255 each, e.g. 128,0,0), #rrggbb, or a CSS colour name"));
  }

  /** Every way of mixing the colours (at least two). */
  public static List<Result> mix(List<Srgb> colours) {
    if (colours.size() < 2) {
      throw new BadInputException("mix needs at least two colours, got " + colours.size());
    }
    List<Result> out = new ArrayList<>();
    for (Way w : Way.values()) {
      Srgb c = mix(colours, w);
      out.add(new Result(w, c, CssColours.nearest(c)));
    }
    return out;
  }

  public static Srgb mix(List<Srgb> colours, Way way) {
    int n = colours.size();
    double[] s = new double[3];
    for (Srgb c : colours) {
      double[] v = switch (way) {
        case LIGHT, LINEAR_AVERAGE -> c.linear();
        case SRGB_AVERAGE -> new double[] {c.r(), c.g(), c.b()};
        case LAB_AVERAGE -> c.lab();
      };
      for (int k = 0; k < 3; k++) {
        s[k] += v[k];
      }
    }
    return switch (way) {
      case LIGHT -> Srgb.fromLinear(s);
      case LINEAR_AVERAGE -> Srgb.fromLinear(new double[] {s[0] / n, s[1] / n, s[2] / n});
      case SRGB_AVERAGE -> new Srgb(s[0] / n, s[1] / n, s[2] / n);
      case LAB_AVERAGE -> Srgb.fromLab(new double[] {s[0] / n, s[1] / n, s[2] / n});
    };
  }

  /** "128,0,0" style text of a colour, rounded. */
  public static String text(Srgb c) {
    int[] r = c.rounded();
    return String.format(Locale.ROOT, "%d,%d,%d", r[0], r[1], r[2]);
  }
}
