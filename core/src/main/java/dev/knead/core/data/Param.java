package dev.knead.core.data;

/**
 * One documented parameter of a data-set generator; every one can be set with
 * {@code --set name=value}.
 *
 * @param name lower-case key, e.g. {@code points}, {@code noise}, {@code turns}
 * @param defaultValue value used when the user says nothing
 * @param min smallest accepted value (inclusive)
 * @param max largest accepted value (inclusive)
 * @param integer whether only whole numbers are accepted
 * @param description one line for {@code knead datasets}
 */
public record Param(String name, double defaultValue, double min, double max, boolean integer, String description) {}
