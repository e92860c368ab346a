package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every built-in generator must have, on small seeded samples. */
class GeneratorsTest {
  /** The generated sets; real data that ships (words) has no seed, noise or ground truth and is tested on its own. */
  static Stream<String> names() {
    return Datasets.names().stream().filter(n -> !n.equals("words"));
  }

  static Stream<Arguments> namesAndSeeds() {
    return names().flatMap(n -> Stream.of(1L, 42L, -7L).map(s -> Arguments.of(n, s)));
  }

  /** Small samples keep the suite fast; D-I is sized by its grid step, and gets noise so seeds matter. */
  static Map<String, Double> small(Generator g) {
    Map<String, Double> v = new HashMap<>();
    if (g.name().equals("naitzat-d1")) {
      v.put("step", 0.5);
      v.put("noise", 0.01);
    } else {
      v.put("points", 60.0);
    }
    return v;
  }

  @ParameterizedTest
  @MethodSource("namesAndSeeds")
  void countsLabelsAndTruthAreConsistent(String name, long seed) {
    Generator g = Datasets.byName(name);
    Dataset d = g.generate(small(g), seed);
    assertThat(d.name()).isEqualTo(name);
    assertThat(d.dim()).isEqualTo(g.dim());
    assertThat(d.classes()).isGreaterThanOrEqualTo(2);
    assertThat(d.truth().isKnown()).isTrue();
    assertThat(d.truth().betti()).hasSize(d.classes());
    assertThat(d.truth().manifoldDims()).hasSize(d.classes());
    assertThat(d.truth().enclosed()).allSatisfy(c -> assertThat(c).isBetween(0, d.classes() - 1));
    assertThat(d.classNames()).doesNotHaveDuplicates();
    for (double v : d.points().toArray()) {
      assertThat(v).isFinite();
    }
    if (!name.equals("naitzat-d1")) {
      assertThat(d.classCounts()).containsOnly(60);
    } else {
      assertThat(java.util.Arrays.stream(d.classCounts()).min().orElse(0)).isPositive();
    }
    for (Curve c : d.truth().coreCurves()) {
      assertThat(c.closed()).isTrue();
      assertThat(c.vertices().d()).isEqualTo(d.dim());
      assertThat(c.vertices().n()).isBetween(64, 200);
      assertThat(c.classIndex()).isBetween(0, d.classes() - 1);
    }
    assertThat(d.params()).containsKeys("noise", "scale");
  }

  @ParameterizedTest
  @MethodSource("namesAndSeeds")
  void sameSeedSameBitsOtherSeedOtherBits(String name, long seed) {
    Generator g = Datasets.byName(name);
    String h = g.generate(small(g), seed).hash();
    assertThat(g.generate(small(g), seed).hash()).isEqualTo(h);
    assertThat(g.generate(small(g), seed + 1).hash()).isNotEqualTo(h);
  }

  @ParameterizedTest
  @MethodSource("names")
  void scaleMultipliesPointsAndCurves(String name) {
    Generator g = Datasets.byName(name);
    Map<String, Double> v = small(g);
    v.put("noise", 0.0);
    Dataset one = g.generate(v, 3);
    v.put("scale", 2.5);
    Dataset scaled = g.generate(v, 3);
    double[] a = one.points().toArray();
    double[] b = scaled.points().toArray();
    for (int k = 0; k < a.length; k++) {
      assertThat(b[k]).isCloseTo(2.5 * a[k], org.assertj.core.data.Offset.offset(1e-12));
    }
    for (int c = 0; c < one.truth().coreCurves().size(); c++) {
      double[] p = one.truth().coreCurves().get(c).vertices().toArray();
      double[] q = scaled.truth().coreCurves().get(c).vertices().toArray();
      for (int k = 0; k < p.length; k++) {
        assertThat(q[k]).isCloseTo(2.5 * p[k], org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void defaultsAreInsideTheirRanges(String name) {
    for (Param p : Datasets.byName(name).params()) {
      assertThat(p.defaultValue()).isBetween(p.min(), p.max());
      if (p.integer()) {
        assertThat(p.defaultValue()).isEqualTo(Math.rint(p.defaultValue()));
      }
    }
  }
}
