package dev.knead.app.door;

import dev.knead.core.BadInputException;
import dev.knead.core.data.Dataset;
import dev.knead.core.net.Network;
import dev.knead.core.run.Run;
import dev.knead.core.train.Epoch;
import dev.knead.core.trace.ProjectionKind;
import dev.knead.core.trace.Tracer;
import dev.knead.render.Figure;
import dev.knead.render.FigureOptions;
import dev.knead.render.Subject;
import dev.knead.render.figure.CurvesFigure;
import dev.knead.render.figure.LayersFigure;
import dev.knead.render.figure.LiftFigure;
import dev.knead.render.figure.RegionsFigure;
import dev.knead.render.figure.StageFigure;
import dev.knead.render.figure.StagesFigure;
import dev.knead.render.topo.BarcodeFigure;
import dev.knead.render.topo.BettiFigure;
import dev.knead.render.topo.DiagramFigure;
import dev.knead.render.topo.JacobianFigure;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures of {@code knead render}, for any network and data set: the CLI draws a saved run
 * with them, the lab the run it is training. One place decides what each kind shows, so a lab
 * export and {@code knead render} of the same weights are the same figure.
 */
public final class Figures {
  /** The figures. */
  public enum Kind {
    STAGE, STAGES, TOUR, LAYERS, MEASURES, LIFT, CURVES, REGIONS, BARCODE, DIAGRAM, BETTI, CERTIFICATE, JACOBIAN, LOOP, LINKS;

    /** @return the kind named (any case), or null */
    public static Kind named(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** @return every kind's name, lower case, comma separated */
    public static String names() {
      return String.join(", ", Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** @return whether the kind draws one stage (chosen with a stage index) */
    public boolean takesStage() {
      return this == STAGE || this == BARCODE || this == DIAGRAM || this == JACOBIAN || this == LOOP || this == LINKS;
    }

    /** @return whether the kind shows wide stages through a chosen {@link ProjectionKind} */
    public boolean takesProjection() {
      return this == LAYERS;
    }

    /** @return whether the kind draws one class (chosen with a class index) */
    public boolean takesClass() {
      return this == LOOP;
    }
  }

  private Figures() {}

  /** What a figure is about, as {@code knead render} describes a saved run. */
  public static Subject subject(Network net, Dataset data) {
    return new Subject(Tracer.trace(net, data.points(), data.labels()), data.classNames(), net.describe() + " on " + data.name());
  }

  public static Figure of(Kind k, Run r, Subject subject, Integer stage, Integer cls, FigureOptions opt) {
    return of(k, r.network(), r.data(), r.result().history(), subject, stage, cls, opt);
  }

  /**
   * As {@link #of(Kind, Run, Subject, Integer, Integer, FigureOptions)}, with the projection of
   * wide stages for {@link Kind#LAYERS} (null: the grand tour).
   */
  public static Figure of(Kind k, Run r, Subject subject, Integer stage, Integer cls, ProjectionKind projection,
      FigureOptions opt) {
    return of(k, r.network(), r.data(), r.result().history(), subject, stage, cls, projection, opt);
  }

  /**
   * As {@link #of(Kind, Network, Dataset, List, Subject, Integer, Integer, FigureOptions)}, with the
   * projection of wide stages for {@link Kind#LAYERS} (null: the grand tour).
   */
  public static Figure of(Kind k, Network net, Dataset data, List<Epoch> history, Subject subject, Integer stage,
      Integer cls, ProjectionKind projection, FigureOptions opt) {
    if (k == Kind.LAYERS) {
      return LayersFigure.of(subject, opt, projection == null ? ProjectionKind.TOUR : projection);
    }
    return of(k, net, data, history, subject, stage, cls, opt);
  }

  /**
   * @param history the epochs so far (for curves)
   * @param subject {@link #subject} of the network and data
   * @param stage the stage for kinds that draw one (null: the kind's default)
   * @throws BadInputException when the stage is out of range or the kind cannot draw this run
   */
  public static Figure of(Kind k, Network net, Dataset data, List<Epoch> history, Subject subject, Integer stage,
      FigureOptions opt) {
    return of(k, net, data, history, subject, stage, null, opt);
  }

  /**
   * As {@link #of(Kind, Network, Dataset, List, Subject, Integer, FigureOptions)}, for one class.
   *
   * @param cls the class for kinds that draw one (loop); null: the kind's default
   */
  public static Figure of(Kind k, Network net, Dataset data, List<Epoch> history, Subject subject, Integer stage,
      Integer cls, FigureOptions opt) {
    if (stage != null && (stage < 0 || stage >= subject.trace().size())) {
      throw new BadInputException("stage " + stage + " is outside 0 … " + (subject.trace().size() - 1));
    }
    try {
      return switch (k) {
        case STAGE -> new StageFigure(subject, stage == null ? defaultStage(subject) : stage, opt);
        case STAGES -> new StagesFigure(subject, opt);
        case TOUR -> LayersFigure.of(subject, opt, ProjectionKind.TOUR);
        case LAYERS -> LayersFigure.of(subject, opt, ProjectionKind.TOUR);
        case MEASURES -> measures(net, data, subject, opt);
        case LIFT -> new LiftFigure(subject, opt, -0.65);
        case CURVES -> new CurvesFigure(history, subject.description(), opt);
        case REGIONS -> new RegionsFigure(subject, opt);
        case BARCODE -> new BarcodeFigure(TopologyValues.barcodes(data.classNames(), subject.trace(), stage == null ? 0 : stage,
            subject.description(), 0), opt);
        case DIAGRAM -> new DiagramFigure(TopologyValues.barcodes(data.classNames(), subject.trace(), stage == null ? 0 : stage,
            subject.description(), 0), opt);
        case BETTI -> new BettiFigure(TopologyValues.betti(net, data, subject.description()), opt);
        case CERTIFICATE -> TopologyValues.certificates(net, data, subject, opt);
        case JACOBIAN -> new JacobianFigure(subject, stage == null ? Math.max(1, defaultStage(subject)) : stage, opt);
        case LOOP -> TopologyValues.loop(data.classNames(), subject, stage == null ? 0 : stage, cls, opt, 0);
        case LINKS -> TopologyValues.links(net, data, subject, stage, opt);
      };
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** Per-layer measures (analysis' stage measures on all points; Betti numbers are not drawn, so β₀ only). */
  static Figure measures(Network net, Dataset data, Subject subject, FigureOptions opt) {
    var report = dev.knead.analysis.Analyst.analyse(net, data, new dev.knead.analysis.Analyst.Options(50, 0, false, 0));
    var st = report.stages();
    java.util.function.Function<java.util.function.ToDoubleFunction<dev.knead.analysis.StageMeasure>, double[]> of =
        f -> st.stream().mapToDouble(f).toArray();
    return new dev.knead.render.figure.MeasuresFigure(subject.description(),
        st.stream().map(dev.knead.analysis.StageMeasure::name).toList(),
        List.of(new dev.knead.render.figure.MeasuresFigure.Series("k-NN accuracy (k = 5)", of.apply(m -> m.knnAccuracy())),
            new dev.knead.render.figure.MeasuresFigure.Series("linear probe accuracy", of.apply(m -> m.probeAccuracy())),
            new dev.knead.render.figure.MeasuresFigure.Series("silhouette", of.apply(m -> m.gathering().silhouette())),
            new dev.knead.render.figure.MeasuresFigure.Series("within/between distance ratio", of.apply(m -> m.gathering().ratio()))),
        of.apply(m -> m.intrinsicDimension()), opt);
  }

  /** The last hidden layer's bend: the space the output layer cuts with a line or plane. */
  public static int defaultStage(Subject s) {
    return s.trace().cutStage();
  }
}
