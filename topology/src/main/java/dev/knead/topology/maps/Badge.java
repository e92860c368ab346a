package dev.knead.topology.maps;

/** A one-word property of a layer map, each with a plain sentence a reader can follow. */
public enum Badge {
  HOMEOMORPHISM(
      "The layer is square with an invertible W and a one-to-one activation, so it never cuts,"
          + " tears or glues: every class keeps its components and holes."),
  EMBEDDING(
      "The layer widens the space with a full-rank W and a one-to-one activation, so the data"
          + " is placed into more room without being squashed: its shape is kept."),
  COLLAPSES(
      "W has lower rank than the input dimension (or, under ReLU, the units that ever switch on"
          + " do), so some directions are flattened to nothing and points of different classes can"
          + " land on top of each other."),
  FOLDS(
      "The activation is not one-to-one (like ReLU), so the layer folds space along the places"
          + " where a unit switches on, and holes or components can disappear."),
  SATURATES(
      "Some units sit at the flat end of an activation that only approaches its bound (tanh,"
          + " sigmoid) for many points, where different inputs round to the same value: in finite"
          + " precision this can glue points together."),
  DEAD_UNITS(
      "Some ReLU units are off for almost every point, so they pass nothing on and the layer is"
          + " effectively narrower than it looks.");

  private final String explanation;

  Badge(String explanation) {
    this.explanation = explanation;
  }

  /** @return one plain sentence saying what the badge means for the data */
  public String explanation() {
    return explanation;
  }
}
