package dev.knead.core.train;

import dev.knead.core.net.Network;

/**
 * One optimiser step on one batch, exactly as {@link Trainer}'s inner loop takes it (forward,
 * loss, backward, update), without penalties, clipping or a schedule. For benchmarks and for
 * callers that drive their own loop; owns its workspace and optimiser state, so it is not
 * shared between threads.
 */
public final class TrainStep {
  private final Workspace ws;
  private final Loss loss;
  private final Optimizer optimizer;
  private final double[] m;
  private final double[] v;
  private final int[] right = new int[1];
  private long t;

  /**
   * @param init the starting weights (copied)
   * @param capacity the largest batch a step will see
   */
  public TrainStep(Network init, int capacity, Loss loss, Optimizer optimizer) {
    this(init, capacity, loss, optimizer, 1);
  }

  /**
   * @param threads how many threads the large kernels may use; the bits do not depend on it
   */
  public TrainStep(Network init, int capacity, Loss loss, Optimizer optimizer, int threads) {
    this(init, capacity, loss, optimizer, threads, Precision.FLOAT64);
  }

  /**
   * @param threads how many threads the large kernels may use; the bits do not depend on it
   * @param precision the arithmetic of the forward and backward pass
   */
  public TrainStep(Network init, int capacity, Loss loss, Optimizer optimizer, int threads, Precision precision) {
    this.ws = new Workspace(init, capacity, threads, precision);
    this.loss = loss;
    this.optimizer = optimizer;
    this.m = new double[ws.params.length];
    this.v = new double[ws.params.length];
  }

  /**
   * One step on n points; allocates nothing.
   *
   * @param x n × d inputs
   * @param y n labels
   * @return the mean loss before the step
   */
  public double step(double[] x, int[] y, int n) {
    final double value = ws.lossAndGradient(x, y, n, loss, true, right);
    final double[] p = ws.params;
    final double[] g = ws.grads;
    final double lr = optimizer.learningRate();
    t++;
    switch (optimizer.kind()) {
      case SGD -> Updates.sgd(p, g, lr);
      case MOMENTUM, NESTEROV -> Updates.momentum(
          p, g, v, lr, optimizer.momentum(), optimizer.kind() == Optimizer.Kind.NESTEROV);
      case ADAM -> Updates.adam(p, g, m, v, lr, optimizer.beta1(), optimizer.beta2(), optimizer.epsilon(), t);
    }
    return value;
  }

  /** @return the number of points the last step classified correctly (before its update) */
  public int lastCorrect() {
    return right[0];
  }

  /** @return the network the parameters hold now */
  public Network network() {
    return ws.network();
  }
}
