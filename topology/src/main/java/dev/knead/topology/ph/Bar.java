package dev.knead.topology.ph;

/**
 * One persistence interval: a feature of homological dimension {@code dim} born at scale
 * {@code birth} and dead at {@code death} ({@code +inf} for an essential class).
 */
public record Bar(int dim, double birth, double death) {

  public Bar {
    if (dim < 0) throw new IllegalArgumentException("dim must be >= 0: " + dim);
    if (!(death >= birth)) throw new IllegalArgumentException("death < birth: " + birth + ", " + death);
  }

  /** Length of the interval; infinite for essential bars. */
  public double persistence() {
    return death - birth;
  }

  public boolean isEssential() {
    return death == Double.POSITIVE_INFINITY;
  }

  /** True when the feature exists in the complex at {@code scale}: birth <= scale < death. */
  public boolean isAliveAt(double scale) {
    return birth <= scale && scale < death;
  }
}
