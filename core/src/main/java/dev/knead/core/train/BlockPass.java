package dev.knead.core.train;

import dev.knead.core.net.Block;
import dev.knead.core.net.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic training pass, for networks with blocks other than dense layers: every block's
 * parameters in one flat array (block after block, each in its own layout), the forward pass
 * block by block and the backward pass by each block's vector-Jacobian product. Computes in
 * double whatever the precision (float32 is the dense kernels' mode). Networks of dense layers
 * only train on {@link Workspace} instead, bit for bit as before.
 */
final class BlockPass implements Trainer.Pass {
  private final Network shape;
  private final int[] off;
  private final double[] params;
  private final double[] grads;
  private long evaluations;

  BlockPass(Network network) {
    this.shape = network;
    List<Block> blocks = network.blocks();
    off = new int[blocks.size() + 1];
    for (int l = 0; l < blocks.size(); l++) {
      off[l + 1] = off[l] + blocks.get(l).parameterCount();
    }
    params = new double[off[blocks.size()]];
    grads = new double[params.length];
    for (int l = 0; l < blocks.size(); l++) {
      blocks.get(l).copyParameters(params, off[l]);
    }
  }

  @Override
  public double[] params() {
    return params;
  }

  @Override
  public double[] grads() {
    return grads;
  }

  @Override
  public boolean[] weightMask() {
    boolean[] m = new boolean[params.length];
    for (int l = 0; l < shape.blocks().size(); l++) {
      shape.block(l).markWeights(m, off[l]);
    }
    return m;
  }

  @Override
  public Network network() {
    List<Block> out = new ArrayList<>();
    for (int l = 0; l < shape.blocks().size(); l++) {
      out.add(shape.block(l).withParameters(params, off[l]));
    }
    return new Network(out);
  }

  /** @return the vector-field evaluations of the last forward pass (all flows together) */
  @Override
  public long evaluations() {
    return evaluations;
  }

  @Override
  public double lossAndGradient(double[] x, int[] y, int n, Loss loss, boolean backward, int[] right) {
    List<Block> blocks = network().blocks();
    Block.Pass[] passes = new Block.Pass[blocks.size()];
    double[] a = x;
    long nfe = 0;
    for (int l = 0; l < blocks.size(); l++) {
      passes[l] = blocks.get(l).forward(a, n);
      nfe += passes[l].evaluations();
      a = passes[l].output();
    }
    evaluations = nfe;
    final int k = shape.classes();
    double[] dy = new double[n * k];
    double value = loss.lossAndGradient(a, n, k, y, dy, right);
    if (!backward) {
      return value;
    }
    java.util.Arrays.fill(grads, 0);
    for (int l = blocks.size() - 1; l >= 0; l--) {
      double[] dx = l == 0 ? null : new double[n * blocks.get(l).in()];
      passes[l].backward(dy, dx, grads, off[l]);
      dy = dx;
    }
    return value;
  }
}
