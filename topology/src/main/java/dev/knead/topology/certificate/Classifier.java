package dev.knead.topology.certificate;

/** Anything that labels points of the input space: a trained network, a hand-made rule. */
@FunctionalInterface
public interface Classifier {
  /**
   * @param x a point, length d
   * @return its class index
   */
  int classify(double[] x);
}
