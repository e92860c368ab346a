package dev.knead.experiments;

/**
 * One parameter of an experiment, overridable with {@code --set name=value}.
 *
 * @param name the key
 * @param full its default in a full run
 * @param quick its default with {@code --quick}
 * @param description what it sets
 */
public record ExperimentParam(String name, String full, String quick, String description) {
  public static ExperimentParam of(String name, String value, String description) {
    return new ExperimentParam(name, value, value, description);
  }
}
