package dev.knead.app.lab;

import dev.knead.core.Version;
import dev.knead.core.data.Dataset;
import dev.knead.core.data.Points;
import dev.knead.core.data.Split;
import dev.knead.core.net.Network;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.Epoch;
import dev.knead.core.train.Rewind;
import dev.knead.core.train.Snapshot;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import dev.knead.core.train.TrainResult;
import dev.knead.core.train.Trainer;
import dev.knead.core.trace.Domain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of the lab, on a worker thread: its data, its history and the newest
 * weights, which the live stream traces. It can be paused, stepped, slowed and cancelled from
 * other threads; all of that happens between epochs, through the {@link TrainListener}.
 */
final class Job implements TrainListener {
  private static final Logger LOG = LoggerFactory.getLogger(Job.class);
  /** Most snapshots kept for scrubbing; beyond it every other one is dropped. */
  static final int MAX_SNAPSHOTS = 200;
  /** Most points traced per live update (a seeded, fixed subsample beyond it). */
  static final int LIVE_POINTS = 1000;

  enum Status { QUEUED, RUNNING, PAUSED, DONE, CANCELLED, DIVERGED, FAILED }

  final String id;
  final String session;
  /** the page's token: only it controls or cancels this run */
  final String token;
  /** live connections open to this run */
  final java.util.concurrent.atomic.AtomicInteger watchers = new java.util.concurrent.atomic.AtomicInteger();
  final LabRequest request;
  final Dataset data;
  final Split split;
  final Domain domain;
  /** indices of the points traced live */
  final int[] livePoints;
  final Points liveCloud;
  /** the newest live update, built once per published network */
  final LiveFrame live;

  private final List<Epoch> history = new ArrayList<>();
  private final List<Rewind> rewinds = new ArrayList<>();
  private final List<Snapshot> snapshots = new ArrayList<>();
  private volatile Status status = Status.QUEUED;
  private volatile Network latest;
  private volatile long version;
  private volatile int speed;
  private volatile boolean cancelled;
  private boolean paused;
  private int steps;
  private long started;
  private int epochsShown;
  private volatile Failure failure;
  private volatile TrainResult result;

  /** weights to start from (another run's, edited by the person), or null for the initialiser's */
  private final Network start;

  /**
   * A weight the person set: at the pause at {@code epoch} of its run, weight (layer, row, col; col
   * −1 the bias) became {@code value}.
   */
  record Edit(int epoch, int layer, int row, int col, double value) {}

  /** the edits {@code start} carries (the source run's): provenance */
  private final List<Edit> inherited;
  /** edits of one pause to make again at their epoch (a reloaded page's URL), then pause there */
  private final List<Edit> replay;
  private volatile boolean replayed;
  /** every edit made to this run's weights, in order */
  private final List<Edit> edits = new ArrayList<>();

  Job(String id, LabRequest request, Dataset data, String token) {
    this(id, request, data, token, null);
  }

  Job(String id, LabRequest request, Dataset data, String token, Network start) {
    this(id, request, data, token, start, List.of(), List.of());
  }

  Job(String id, LabRequest request, Dataset data, String token, Network start, List<Edit> inherited, List<Edit> replay) {
    this.inherited = List.copyOf(inherited);
    this.replay = List.copyOf(replay);
    this.replayed = replay.isEmpty();
    this.id = id;
    this.token = token;
    this.start = start;
    this.session = request.session();
    this.request = request;
    this.data = data;
    this.split = Runs.split(data, request.config().data());
    this.domain = Domain.around(data.points(), TraceJson.LIVE.margin());
    this.livePoints = subsample(data.size(), LIVE_POINTS, request.config().data().seed());
    this.speed = request.speed();
    this.liveCloud = data.points().select(livePoints);
    this.live = new LiveFrame(liveCloud, liveLabels(), liveTest(), domain);
  }

  /** Trains; called once, on a worker. Same bits as {@code Trainer.train(train, test, config, …)}. */
  void run() {
    try {
      TrainConfig c = request.config().train();
      SplittableRandom root = new SplittableRandom(c.seed());
        Network drawn = Trainer.initial(split.train(), c, root.split());
        Network init = start == null ? drawn : start; // the initialiser's draw is made either way: the same seeds after it
      synchronized (this) {
        snapshots.add(new Snapshot(0, init));
        if (status == Status.QUEUED) {
          status = paused ? Status.PAUSED : Status.RUNNING;
        }
      }
      publish(init);
      if (!replayed && replay.get(0).epoch() == 0) {
        replay(); // edits made before the first epoch: paused with them, as the page that made them was
        pace();
      }
      started = System.nanoTime();
      TrainResult r = Trainer.train(init, split.train(), split.test(), c, root.split(), this);
      result = r;
      publish(r.network());
      if (!replayed) {
        replay(); // the run ended before the pause the edits were made at: made to its last weights
      }
      status = switch (r.status()) {
        case CANCELLED -> Status.CANCELLED;
        case DIVERGED -> Status.DIVERGED;
        default -> Status.DONE;
      };
    } catch (RuntimeException e) {
      Failure f = Failure.of(e);
      if (f.status() >= 500) {
        LOG.warn("run {} failed", id, e);
      } else {
        LOG.info("run {} refused: {}", id, f.message());
      }
      failure = f;
      status = Status.FAILED;
    } finally {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  @Override
  public void onEpoch(Epoch epoch, Supplier<Network> network) {
    Network now = network.get();
    synchronized (this) {
      history.add(epoch);
      int every = request.config().train().snapshotInterval();
      if (epoch.epoch() % every == 0) {
        snapshots.add(new Snapshot(epoch.epoch(), now));
        if (snapshots.size() > MAX_SNAPSHOTS) {
          thinSnapshots();
        }
      }
    }
    publish(now);
    if (!replayed && epoch.epoch() >= replay.get(0).epoch()) {
      replay();
    }
    pace();
  }

  /** Makes the replayed edits to the newest weights and pauses there, as the page that made them was. */
  private synchronized void replay() {
    replayed = true;
    if (!finished()) {
      paused = true;
      status = Status.PAUSED;
    }
    for (Edit e : replay) {
      apply(e);
    }
  }

  @Override
  public synchronized void onRewind(Rewind r) {
    rewinds.add(r);
    while (!history.isEmpty() && history.get(history.size() - 1).epoch() > r.backTo()) {
      history.remove(history.size() - 1);
    }
    // the guard may go back past several snapshots (to the last one whose loss it checked)
    snapshots.removeIf(sn -> sn.epoch() > r.backTo());
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  /** Waits between epochs: while paused (until a step or resume), and to keep to the speed. */
  private void pace() {
    synchronized (this) {
      epochsShown++;
      while (paused && steps == 0 && !cancelled) {
        status = Status.PAUSED;
        try {
          wait(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancelled = true;
        }
        started = System.nanoTime();
        epochsShown = 0;
      }
      if (steps > 0) {
        steps--;
      }
      if (!cancelled && status == Status.PAUSED && !paused) {
        status = Status.RUNNING;
      }
    }
    int s = replayed ? speed : 0; // on the way to the replayed pause: as fast as the machine goes
    if (s > 0 && !cancelled) {
      long due = started + (long) (epochsShown * 1e9 / s);
      long wait = due - System.nanoTime();
      if (wait > 2_000_000_000L) {
        started = System.nanoTime();
        epochsShown = 0;
      } else if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancelled = true;
        }
      }
    }
  }

  private void publish(Network net) {
    latest = net;
    version++;
  }

  synchronized void pause(boolean on) {
    paused = on;
    if (on && status == Status.RUNNING) {
      status = Status.PAUSED;
    }
    notifyAll();
  }

  synchronized void step(int epochs) {
    paused = true;
    steps += Math.max(1, epochs);
    notifyAll();
  }

  void speed(int epochsPerSecond) {
    synchronized (this) {
      started = System.nanoTime();
      epochsShown = 0;
    }
    speed = epochsPerSecond;
  }

  /**
   * One weight (or bias, when col is −1) of the newest weights changed by the person, on a paused
   * or finished run: the live view shows the sheet move. Training does not take it up (the trainer
   * keeps its own state); a new run can start from it.
   *
   * @return the edited network
   */
  synchronized Network edit(int layer, int row, int col, double value) {
    if (!(paused || finished())) {
      throw new LabException(409, "id", "pause the run before editing a weight");
    }
    List<Epoch> h = history;
    return apply(new Edit(h.isEmpty() ? 0 : h.get(h.size() - 1).epoch(), layer, row, col, value));
  }

  /** The edit made to the newest weights (checked against their shapes), kept in {@link #edits()}. */
  private synchronized Network apply(Edit e) {
    int layer = e.layer(), row = e.row(), col = e.col();
    double value = e.value();
    Network net = latest().orElseThrow(() -> new LabException(409, "id", "the run has no weights yet"));
    if (!net.isDense()) {
      // a flow's or k-NN block's parameters are not a weight matrix the panel can address (was a 500)
      throw new LabException(409, "layer", "the weights of " + net.describe() + " cannot be edited in the lab: only networks of dense layers");
    }
    if (layer < 0 || layer >= net.layers().size()) {
      throw LabException.bad("layer", "must be in 0 … " + (net.layers().size() - 1));
    }
    dev.knead.core.net.Layer l = net.layer(layer);
    if (row < 0 || row >= l.out()) {
      throw LabException.bad("row", "must be in 0 … " + (l.out() - 1) + " (the layer's units)");
    }
    if (col < -1 || col >= l.in()) {
      throw LabException.bad("col", "must be in 0 … " + (l.in() - 1) + ", or −1 for the bias");
    }
    if (!Double.isFinite(value) || Math.abs(value) > 1e6) {
      throw LabException.bad("value", "must be a finite number of magnitude at most 1e6");
    }
    double[] w = l.weights().toArray();
    double[] b = l.bias();
    if (col < 0) {
      b[row] = value;
    } else {
      w[row * l.in() + col] = value;
    }
    List<dev.knead.core.net.Layer> layers = new ArrayList<>(net.layers());
    layers.set(layer, new dev.knead.core.net.Layer(dev.knead.core.net.Matrix.of(l.out(), l.in(), w), b, l.activation()));
    Network edited = new Network(layers);
    edits.add(e);
    publish(edited);
    return edited;
  }

  /** @return every edit these weights carry: the source run's (when started from edited weights), then this run's, in order */
  synchronized List<Edit> editHistory() {
    List<Edit> all = new ArrayList<>(inherited);
    all.addAll(edits);
    return List.copyOf(all);
  }

  /** @return this run's own edits, in order */
  synchronized List<Edit> edits() {
    return List.copyOf(edits);
  }

  /** @return whether the newest weights are not the trainer's (edited since, or started from edited ones) */
  synchronized boolean edited() {
    return !edits.isEmpty() || !inherited.isEmpty();
  }

  synchronized void cancel() {
    cancelled = true;
    notifyAll();
  }

  /** Marks a job that never got a worker. */
  void refuse(String why) {
    failure = Failure.refused(503, why);
    status = Status.FAILED;
  }

  Status status() {
    return status;
  }

  boolean finished() {
    Status s = status;
    return s == Status.DONE || s == Status.CANCELLED || s == Status.DIVERGED || s == Status.FAILED;
  }

  /** @return why the run failed, with its cause; empty while it has not */
  Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  long version() {
    return version;
  }

  Optional<Network> latest() {
    return Optional.ofNullable(latest);
  }

  int speed() {
    return speed;
  }

  synchronized boolean paused() {
    return paused;
  }

  synchronized List<Epoch> history() {
    return List.copyOf(history);
  }

  synchronized List<Rewind> rewinds() {
    return List.copyOf(rewinds);
  }

  synchronized List<Snapshot> snapshots() {
    return List.copyOf(snapshots);
  }

  Optional<TrainResult> result() {
    return Optional.ofNullable(result);
  }

  /** @return the finished run, for export */
  synchronized Optional<Run> finishedRun() {
    TrainResult r = result;
    if (r == null) {
      return Optional.empty();
    }
    Network now = latest;
    if (!edits.isEmpty() && now != null && now != r.network()) {
      // edited after the end: the run's network is the edited one (its numbers stay the training's)
      r = new TrainResult(now, r.history(), r.snapshots(), r.rewinds(), r.status(), r.trainLoss(), r.trainAccuracy(), r.testLoss(),
          r.testAccuracy());
    }
    return Optional.of(new Run(request.config(), data, split, r, Instant.now(), Version.KNEAD));
  }

  Points livePointCloud() {
    return data.points().select(livePoints);
  }

  int[] liveLabels() {
    int[] all = data.labels();
    int[] out = new int[livePoints.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = all[livePoints[i]];
    }
    return out;
  }

  /** @return 1 for each live point the split holds out for testing (found by its coordinates), else 0 */
  int[] liveTest() {
    java.util.Set<String> held = new java.util.HashSet<>();
    Points test = split.test().points();
    for (int i = 0; i < test.n(); i++) {
      held.add(java.util.Arrays.toString(test.row(i)));
    }
    int[] out = new int[livePoints.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = held.contains(java.util.Arrays.toString(liveCloud.row(i))) ? 1 : 0;
    }
    return out;
  }

  private void thinSnapshots() {
    List<Snapshot> kept = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      if (i % 2 == 0 || i == snapshots.size() - 1) {
        kept.add(snapshots.get(i));
      }
    }
    snapshots.clear();
    snapshots.addAll(kept);
  }

  /** @return every index when n ≤ max, else max indices drawn without replacement, sorted */
  static int[] subsample(int n, int max, long seed) {
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ 0x1abL);
    for (int i = 0; i < max; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(idx, max);
    java.util.Arrays.sort(out);
    return out;
  }
}
