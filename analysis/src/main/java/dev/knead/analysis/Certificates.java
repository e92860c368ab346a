package dev.knead.analysis;

import dev.knead.core.data.Dataset;
import dev.knead.core.data.Points;
import dev.knead.core.net.Activation;
import dev.knead.core.net.Layer;
import dev.knead.core.net.Network;
import dev.knead.topology.certificate.Asymptote;
import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.DecisionRegionCertificate;
import dev.knead.topology.certificate.SphereCertificate;
import dev.knead.topology.verdict.NetworkShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The decision-region certificate of a trained network: what the certificate needs to know about it. */
public final class Certificates {
  private Certificates() {}

  /**
   * Johnson (ICLR 2019): when every hidden width is ≤ d and every σ is continuous and monotone (or
   * ReLU), every non-empty piece of every decision region is unbounded.
   */
  public static boolean unboundedByTheorem(Network net) {
    if (!net.isDense()) {
      // the same argument for homeomorphisms (Dupont et al. 2019): narrow, one-to-one, monotone
      // blocks before a linear read-out (a k-NN read-out counts as a wide non-monotone layer)
      NetworkShape shape = Facts.architecture(net);
      return shape.hiddenWidths().stream().allMatch(w -> w <= net.inputDim())
          && shape.activations().stream().allMatch(a -> a.monotone() && a.continuous());
    }
    return net.hiddenWidths().stream().allMatch(w -> w <= net.inputDim())
        && net.layers().subList(0, net.depth()).stream().allMatch(l -> l.activation().isMonotone());
  }

  /** The network's limit at infinity, when its first layer saturates (tanh, sigmoid) and the input is 2-D. */
  public static Optional<Asymptote> asymptote(Network net) {
    if (net.inputDim() != 2 || net.depth() < 1 || !net.isDense()) {
      return Optional.empty();
    }
    Layer first = net.layer(0);
    Activation a = first.activation();
    if (!a.isMonotone() || !a.hasInverse() || !Double.isFinite(a.lowerBound()) || !Double.isFinite(a.upperBound())) {
      return Optional.empty();
    }
    Network rest = new Network(net.layers().subList(1, net.layers().size()));
    return Optional.of(new Asymptote(first.weights().toRows(), first.bias(), a::apply, a::inverse, a.lowerBound(),
        a.upperBound(), rest::predict));
  }

  /** The points of the data labelled c. */
  public static double[][] classData(Dataset data, int c) {
    Points p = data.points();
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < p.n(); i++) {
      if (data.labels()[i] == c) {
        out.add(p.row(i));
      }
    }
    return out.toArray(double[][]::new);
  }

  /** The 2-D certificate of class c's data piece, around the given centre and data radius. */
  public static Certificate plane(Network net, Dataset data, int c, double[] centre, double radius) {
    return DecisionRegionCertificate.certify(new DecisionRegionCertificate.Region(net::predict, c, classData(data, c),
        centre, radius, unboundedByTheorem(net), asymptote(net)));
  }

  /** The 3-D walk for class c (the class region as a whole; see {@link SphereCertificate}). */
  public static SphereCertificate space(Network net, Dataset data, int c, double[] centre, double radius) {
    return DecisionRegionCertificate.searchSphere(net::predict, c, classData(data, c), unboundedByTheorem(net), centre,
        radius, DecisionRegionCertificate.SphereOptions.DEFAULT);
  }
}
