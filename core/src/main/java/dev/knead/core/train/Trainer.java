package dev.knead.core.train;

import dev.knead.core.data.Dataset;
import dev.knead.core.net.Block;
import dev.knead.core.net.Network;
import dev.knead.core.net.Prototypes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a network and returns a new one with its history. Deterministic: the same inputs and
 * seed give the same bits. The divergence guard never lets NaN through: it rewinds to the last
 * good snapshot (one whose own loss was checked: finite, not blown up, no worse than the untrained
 * network's), halves the learning rate and records a {@link Rewind}. A run that would end worse
 * than it began is rewound the same way.
 */
public final class Trainer {
  /** A loss above this many times the first epoch's loss counts as a blow-up. */
  static final double BLOW_UP = 100;
  /** After this many rewinds the guard gives up and returns the last good network. */
  static final int MAX_REWINDS = 12;
  /**
   * Points per chunk of a loss over a whole data set (a multiple of {@link Workspace#CHUNK_ALIGN}):
   * a few MNIST batches' worth, few enough that the buffers stay small next to the data.
   */
  static final int EVALUATION_CHUNK = 4 * Workspace.CHUNK_ALIGN;

  private Trainer() {}

  /**
   * What a training loop needs of the network's arithmetic: the parameter block it updates, the
   * gradient, and the loss. {@link Workspace} (dense networks, the fast kernels) and
   * {@link BlockPass} (any blocks) implement it.
   */
  interface Pass {
    double[] params();

    double[] grads();

    boolean[] weightMask();

    Network network();

    double lossAndGradient(double[] x, int[] y, int n, Loss loss, boolean backward, int[] right);

    /** @return vector-field evaluations of the last forward pass (0 without flows) */
    default long evaluations() {
      return 0;
    }
  }

  /** Trains from the config's initializer and seed. */
  public static TrainResult train(Dataset train, Dataset test, TrainConfig config, TrainListener listener) {
    return train(train, test, config, listener, ExecutionSettings.DEFAULT);
  }

  /** As {@link #train(Dataset, Dataset, TrainConfig, TrainListener)}, executed as {@code exec} says (same bits). */
  public static TrainResult train(Dataset train, Dataset test, TrainConfig config, TrainListener listener, ExecutionSettings exec) {
    SplittableRandom root = new SplittableRandom(config.seed());
    Network init = initial(train, config, root.split());
    return train(init, train, test, config, root.split(), listener, exec);
  }

  /**
   * The untrained network of a config: the hidden widths and activations, or the --layers
   * sequence (its k-NN read-outs seeded with training points carried to where they sit).
   */
  public static Network initial(Dataset train, TrainConfig config, SplittableRandom rng) {
    if (config.layers().isEmpty()) {
      return config.initializer().build(config.architecture(train.dim(), train.classes()), rng);
    }
    Network net = config.layers().build(train.dim(), train.classes(), config.initializer(), rng);
    List<Block> blocks = new ArrayList<>();
    double[] a = train.points().toArray();
    final int n = train.size();
    for (Block b : net.blocks()) {
      Block seeded = b instanceof Prototypes p ? p.seeded(a, train.labels(), n, rng) : b;
      blocks.add(seeded);
      a = seeded.forward(a, n).output();
    }
    return new Network(blocks);
  }

  /**
   * Trains a given network.
   *
   * @param test may have no points; then test numbers are NaN
   * @param batchOrder randomness for the order of minibatches
   */
  public static TrainResult train(
      Network init, Dataset train, Dataset test, TrainConfig config, SplittableRandom batchOrder, TrainListener listener) {
    return train(init, train, test, config, batchOrder, listener, ExecutionSettings.DEFAULT);
  }

  /** Trains a given network, executed as {@code exec} says: the bits do not depend on it. */
  public static TrainResult train(Network init, Dataset train, Dataset test, TrainConfig config, SplittableRandom batchOrder,
      TrainListener listener, ExecutionSettings exec) {
    final int n = train.size();
    final int d = train.dim();
    final int batch = config.batch() <= 0 || config.batch() >= n ? n : config.batch();
    final double[] x = train.points().toArray();
    final int[] y = train.labels();
    final double[] xt = test.points().toArray();
    final int[] yt = test.labels();

    // dense networks keep their fast kernels; any other block takes the generic pass. The
    // workspace holds one batch, or one evaluation chunk if larger: the loss over all the training
    // (or test) points runs in chunks with the bits of one pass, so memory does not grow with n
    final int capacity = Math.max(batch, Math.min(EVALUATION_CHUNK, Math.max(n, Math.max(test.size(), 1))));
    Pass ws = init.isDense()
        ? new Workspace(init, capacity, exec.threads(), config.precision())
        : new BlockPass(init);
    final double[] p = ws.params();
    final double[] g = ws.grads();
    final boolean[] isWeight = ws.weightMask();
    double[] m = new double[p.length];
    double[] v = new double[p.length];
    long t = 0;

    final double[] bx = batch == n ? x : new double[batch * d];
    final int[] by = batch == n ? y : new int[batch];
    final int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }

    final int every = config.snapshotInterval();
    List<Snapshot> snapshots = new ArrayList<>();
    snapshots.add(new Snapshot(0, init));
    // the good state the guard rewinds to: a network whose own loss was checked finite, not
    // blown up and no worse than the untrained network's (so no run returns worse than it began)
    double[] good = p.clone();
    int goodEpoch = 0;
    final double initialLoss = ws.lossAndGradient(x, y, n, config.loss(), false, new int[1])
        + penalty(p, isWeight, config.l1(), config.l2());
    List<Epoch> history = new ArrayList<>();
    List<Rewind> rewinds = new ArrayList<>();
    double baseLr = config.optimizer().learningRate();
    double firstLoss = Double.NaN;
    TrainResult.Status status = TrainResult.Status.COMPLETED;
    int[] right = new int[1];

    int epoch = 0;
    while (epoch < config.epochs()) {
      if (listener.cancelled()) {
        status = TrainResult.Status.CANCELLED;
        break;
      }
      final double lr = baseLr * config.schedule().multiplier(epoch, config.epochs());
      double lossSum = 0;
      int correct = 0;
      long evaluations = 0;
      int steps = 0;
      if (batch < n) {
        shuffle(order, batchOrder);
      }
      for (int start = 0; start < n; start += batch) {
        int size = Math.min(batch, n - start);
        if (batch < n) {
          for (int k = 0; k < size; k++) {
            int i = order[start + k];
            System.arraycopy(x, i * d, bx, k * d, d);
            by[k] = y[i];
          }
        }
        double loss = ws.lossAndGradient(bx, by, size, config.loss(), true, right);
        evaluations += ws.evaluations();
        steps++;
        loss += penalise(p, g, isWeight, config.l1(), config.l2());
        clip(g, config.clip());
        lossSum += loss * size;
        correct += right[0];
        t++;
        switch (config.optimizer().kind()) {
          case SGD -> Updates.sgd(p, g, lr);
          case MOMENTUM, NESTEROV -> Updates.momentum(
              p, g, v, lr, config.optimizer().momentum(), config.optimizer().kind() == Optimizer.Kind.NESTEROV);
          case ADAM -> Updates.adam(
              p, g, m, v, lr, config.optimizer().beta1(), config.optimizer().beta2(), config.optimizer().epsilon(), t);
        }
      }
      double epochLoss = lossSum / n;
      if (epoch == 0 && Double.isFinite(epochLoss)) {
        firstLoss = epochLoss;
      }
      String trouble = trouble(epochLoss, firstLoss, p);
      boolean snapshotDue = (epoch + 1) % every == 0 || epoch + 1 == config.epochs();
      boolean keep = false;
      if (trouble == null && snapshotDue) {
        // the epoch's loss was measured on the weights it started from and passed through; the
        // weights it ends with become the good state only once their own loss is checked
        double endLoss = ws.lossAndGradient(x, y, n, config.loss(), false, right) + penalty(p, isWeight, config.l1(), config.l2());
        trouble = trouble(endLoss, firstLoss, p);
        boolean worse = endLoss > initialLoss;
        if (trouble == null && worse && epoch + 1 == config.epochs()) {
          trouble = String.format(java.util.Locale.ROOT, "the run would end at loss %.4g, above the untrained network's %.4g",
              endLoss, initialLoss);
        }
        keep = trouble == null && !worse;
      }
      if (trouble != null) {
        if (rewinds.size() >= MAX_REWINDS) {
          System.arraycopy(good, 0, p, 0, p.length);
          status = TrainResult.Status.DIVERGED;
          truncate(history, goodEpoch);
          truncateSnapshots(snapshots, goodEpoch);
          break;
        }
        Rewind r = new Rewind(epoch + 1, goodEpoch, trouble, baseLr, baseLr * 0.5);
        rewinds.add(r);
        listener.onRewind(r);
        baseLr *= 0.5;
        System.arraycopy(good, 0, p, 0, p.length);
        truncateSnapshots(snapshots, goodEpoch);
        java.util.Arrays.fill(m, 0);
        java.util.Arrays.fill(v, 0);
        t = 0;
        truncate(history, goodEpoch);
        epoch = goodEpoch;
        continue;
      }
      epoch++;
      double testLoss = Double.NaN;
      double testAcc = Double.NaN;
      if (test.size() > 0) {
        testLoss = ws.lossAndGradient(xt, yt, test.size(), config.loss(), false, right);
        testAcc = right[0] / (double) test.size();
      }
      Epoch row = new Epoch(epoch, epochLoss, correct / (double) n, testLoss, testAcc, lr, evaluations / (double) Math.max(1, steps));
      history.add(row);
      if (snapshotDue) {
        if (keep) {
          System.arraycopy(p, 0, good, 0, p.length);
          goodEpoch = epoch;
        }
        snapshots.add(new Snapshot(epoch, ws.network()));
      }
      listener.onEpoch(row, ws::network);
      // the epoch's accuracy was measured before its last update; stop only if the network as it
      // is now really scores the target on every training point
      // the loss of the network as it is now, not the epoch's mean taken during its updates
      final java.util.Optional<Double> targetLoss = config.get(TrainSchema.TARGET_LOSS);
      if (targetLoss.isPresent() && ws.lossAndGradient(x, y, n, config.loss(), false, right) <= targetLoss.get()) {
        status = TrainResult.Status.TARGET_REACHED;
        break;
      }
      final double target = config.targetAccuracy().orElse(Double.POSITIVE_INFINITY);
      if (row.trainAccuracy() >= target) {
        ws.lossAndGradient(x, y, n, config.loss(), false, right);
        if (right[0] / (double) n >= target) {
          status = TrainResult.Status.TARGET_REACHED;
          break;
        }
      }
    }
    Network result = ws.network();
    if (snapshots.get(snapshots.size() - 1).epoch() != history.size()) {
      snapshots.add(new Snapshot(history.size(), result));
    }
    double trainLoss = ws.lossAndGradient(x, y, n, config.loss(), false, right);
    double trainAcc = right[0] / (double) n;
    double testLoss = Double.NaN;
    double testAcc = Double.NaN;
    if (test.size() > 0) {
      testLoss = ws.lossAndGradient(xt, yt, test.size(), config.loss(), false, right);
      testAcc = right[0] / (double) test.size();
    }
    return new TrainResult(result, history, snapshots, rewinds, status, trainLoss, trainAcc, testLoss, testAcc);
  }

  /** @return why training must rewind, or null when all is well */
  static String trouble(double loss, double firstLoss, double[] p) {
    if (!Double.isFinite(loss)) {
      return "loss became " + loss;
    }
    for (double v : p) {
      if (!Double.isFinite(v)) {
        return "a weight became " + v;
      }
    }
    if (Double.isFinite(firstLoss) && loss > BLOW_UP * Math.max(firstLoss, 1e-3)) {
      return String.format(java.util.Locale.ROOT, "loss %.4g is over %.0f× the first epoch's %.4g", loss, BLOW_UP, firstLoss);
    }
    return null;
  }

  /** @return the L1/L2 penalty of the weights, as {@link #penalise} adds it to the loss */
  static double penalty(double[] p, boolean[] isWeight, double l1, double l2) {
    if (l1 == 0 && l2 == 0) {
      return 0;
    }
    double value = 0;
    for (int i = 0; i < p.length; i++) {
      if (isWeight[i]) {
        double w = p[i];
        value += l1 * Math.abs(w) + 0.5 * l2 * w * w;
      }
    }
    return value;
  }

  /** Adds L1/L2 penalties of the weights to the gradient; returns their value. */
  static double penalise(double[] p, double[] g, boolean[] isWeight, double l1, double l2) {
    if (l1 == 0 && l2 == 0) {
      return 0;
    }
    double value = 0;
    for (int i = 0; i < p.length; i++) {
      if (isWeight[i]) {
        double w = p[i];
        value += l1 * Math.abs(w) + 0.5 * l2 * w * w;
        g[i] += l1 * Math.signum(w) + l2 * w;
      }
    }
    return value;
  }

  /** Scales g so that its Euclidean norm is at most c (c = 0: no clipping). */
  static void clip(double[] g, double c) {
    if (c <= 0) {
      return;
    }
    double s = 0;
    for (double v : g) {
      s += v * v;
    }
    double norm = Math.sqrt(s);
    if (norm > c) {
      double f = c / norm;
      for (int i = 0; i < g.length; i++) {
        g[i] *= f;
      }
    }
  }

  private static void truncateSnapshots(List<Snapshot> snapshots, int epochs) {
    while (snapshots.get(snapshots.size() - 1).epoch() > epochs) {
      snapshots.remove(snapshots.size() - 1);
    }
  }

  private static void truncate(List<Epoch> history, int epochs) {
    while (history.size() > epochs) {
      history.remove(history.size() - 1);
    }
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
