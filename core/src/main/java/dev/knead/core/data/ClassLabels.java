package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Turns the labels written in a file into class indices 0 … k−1. Indices follow the SORTED
 * order of the distinct labels, not their first appearance, so shuffling the rows of a file
 * does not renumber its classes: numeric order when every label is a whole number ("2" &lt;
 * "10"), string order otherwise. Class names are the labels as written (whole numbers without
 * a fraction, "1.0" → "1").
 *
 * @param labels class index per point
 * @param names class name per index
 */
record ClassLabels(int[] labels, List<String> names) {
  /**
   * @param file the file name, for messages
   * @param raw one label text per point
   * @param where where point i was read, e.g. "line 7", for messages
   * @throws BadInputException for an empty label, a fractional numeric label, or fewer than two
   *     classes
   */
  static ClassLabels fromText(String file, String[] raw, IntFunction<String> where) {
    boolean allNumbers = raw.length > 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isEmpty()) {
        throw new BadInputException(file + ": " + where.apply(i) + ": the label is empty");
      }
      allNumbers &= NumberText.isNumber(raw[i]);
    }
    if (allNumbers) {
      long[] whole = new long[raw.length];
      for (int i = 0; i < raw.length; i++) {
        double v = Double.parseDouble(raw[i]);
        if (v != Math.rint(v) || Math.abs(v) > 1e15) {
          throw new BadInputException(
              file + ": " + where.apply(i) + ": label '" + raw[i] + "' is not a whole number; labels are class integers or names");
        }
        whole[i] = (long) v;
      }
      return fromIntegers(file, whole);
    }
    TreeSet<String> distinct = new TreeSet<>(List.of(raw));
    return index(file, raw.length, distinct, i -> raw[i]);
  }

  /** Whole-number labels, numbered in numeric order. */
  static ClassLabels fromIntegers(String file, long[] raw) {
    TreeSet<Long> distinct = new TreeSet<>();
    for (long v : raw) {
      distinct.add(v);
    }
    return index(file, raw.length, distinct, i -> raw[i]);
  }

  private static <T> ClassLabels index(String file, int n, TreeSet<T> distinct, IntFunction<T> label) {
    if (distinct.size() < 2) {
      throw new BadInputException(
          file + ": only one class" + (distinct.isEmpty() ? "" : " ('" + distinct.first() + "')") + "; a classifier needs at least two");
    }
    TreeMap<T, Integer> code = new TreeMap<>(distinct.comparator());
    List<String> names = new ArrayList<>();
    for (T t : distinct) {
      code.put(t, names.size());
      names.add(String.valueOf(t));
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = code.get(label.apply(i));
    }
    return new ClassLabels(y, names);
  }
}
