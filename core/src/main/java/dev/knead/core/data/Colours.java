package dev.knead.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The sRGB colour cube as a data set: colours drawn uniformly from [0, 1]³, each class a sector
 * of HSV hue around the cube's grey diagonal. With {@code hues} = k the sectors are 360/k degrees
 * wide and centred on 0°, 360/k, …: k = 2 gives warm (centred on red: hues from 270° through 0° to
 * 90°) and cool (centred on cyan); k = 3 red, green, blue; k = 6 red, yellow, green, cyan, blue,
 * magenta. {@code lab} = 1 gives each colour's CIELAB coordinates (L*, a*, b*)/100 instead of its
 * sRGB ones: the same colours and labels, another space. Each sector is one solid wedge of the
 * cube: β = (1, 0, 0), dimension 3.
 */
public final class Colours implements Generator {
  @Override
  public String name() {
    return "colours";
  }

  @Override
  public String description() {
    return "3-D: the sRGB colour cube, classes by hue (6: red, yellow, green, cyan, blue, magenta; 2: warm, cool); lab=1 for CIELAB coordinates";
  }

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public List<Param> params() {
    return CommonParams.with(300, 0,
        new Param("hues", 6, 2, 12, true, "hue sectors, one class each (2: warm/cool, 3: red/green/blue, 6: the six named hues)"),
        new Param("lab", 0, 0, 1, true, "0: sRGB coordinates in [0, 1]; 1: CIELAB (L*, a*, b*)/100, D65 white"));
  }

  /** The class names for k sectors: named for 2, 3 and 6, otherwise by their centre hue. */
  static List<String> names(int k) {
    return switch (k) {
      case 2 -> List.of("warm", "cool");
      case 3 -> List.of("red", "green", "blue");
      case 6 -> List.of("red", "yellow", "green", "cyan", "blue", "magenta");
      default -> {
        List<String> n = new ArrayList<>();
        for (int c = 0; c < k; c++) {
          n.add("hue-" + Math.round(c * 360.0 / k));
        }
        yield n;
      }
    };
  }

  /** The sector of a hue among k centred on 0°, 360/k, …; −1 for a grey. */
  static int sector(double hue, int k) {
    if (Double.isNaN(hue)) {
      return -1;
    }
    double w = 360.0 / k;
    return (int) Math.floor(((hue + w / 2) % 360) / w) % k;
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = CommonParams.check(this, values);
    SplittableRandom rng = CommonParams.rng(seed);
    int m = p.count("points");
    int k = p.count("hues");
    boolean lab = p.count("lab") == 1;
    Cloud cloud = new Cloud(3, k * m);
    int[] have = new int[k];
    int done = 0;
    // rejection: uniform colours until every sector has its m (sectors are equal in volume for
    // k dividing 6, close to it otherwise; a grey has no hue and is drawn again)
    while (done < k) {
      double r = rng.nextDouble();
      double g = rng.nextDouble();
      double b = rng.nextDouble();
      int c = sector(ColourSpace.hue(r, g, b), k);
      if (c < 0 || have[c] == m) {
        continue;
      }
      if (lab) {
        double[] l = ColourSpace.lab(r, g, b);
        cloud.add(c, l[0] / 100, l[1] / 100, l[2] / 100);
      } else {
        cloud.add(c, r, g, b);
      }
      if (++have[c] == m) {
        done++;
      }
    }
    List<List<Integer>> betti = new ArrayList<>();
    List<Integer> dims = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      betti.add(List.of(1, 0, 0));
      dims.add(3);
    }
    return cloud.build(name(), p, names(k), new GroundTruth(betti, dims, List.of(), Optional.empty(), List.of()), rng);
  }
}
