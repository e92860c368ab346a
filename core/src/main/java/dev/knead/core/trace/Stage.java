package dev.knead.core.trace;

import dev.knead.core.data.Points;
import java.util.List;
import java.util.Optional;

/**
 * One state of the dough on its way through the network: where the points, the grid lines and
 * the region samples are after a move.
 *
 * @param index position in the trace, 0 = input
 * @param kind which move led here
 * @param layer 0-based layer the move belongs to; -1 for the input and the output stages
 * @param name caption, e.g. "layer 1 · bend (tanh)"
 * @param points n × dim data points
 * @param grid polylines of the rubber sheet, each m × dim
 * @param field the region samples, carried like the points
 * @param move the path from the previous stage to this one (empty for the input and output)
 * @param factors the layer's SVD factors (empty for the input and output, and for blocks that are not dense layers)
 */
public record Stage(
    int index,
    Kind kind,
    int layer,
    String name,
    Points points,
    List<Points> grid,
    Points field,
    Optional<Move> move,
    Optional<Factors> factors) {

  /** What happened to reach a stage. */
  public enum Kind {
    INPUT,
    ROTATE_IN,
    STRETCH,
    ROTATE_OUT,
    SHIFT,
    BEND,
    /** a stage inside a block that is not a dense layer: a flow at time t, a coupling's half, a k-NN read-out */
    BLOCK,
    OUTPUT
  }

  public Stage {
    grid = List.copyOf(grid);
  }

  public int dim() {
    return points.d();
  }
}
