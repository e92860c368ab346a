package dev.knead.core.data;

import java.util.regex.Pattern;

/**
 * What counts as a number in a text file or a {@code --set} value: plain decimal notation only.
 * {@link Double#parseDouble} also takes "NaN", "Infinity", hexadecimal and a trailing 'd' or 'f';
 * none of these should pass silently as data.
 */
final class NumberText {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

  private NumberText() {}

  static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }

  static boolean isNonFinite(String s) {
    return NON_FINITE.matcher(s).matches();
  }

  /** An integer written without a fraction, small enough for a long. */
  static boolean isWhole(String s) {
    return WHOLE.matcher(s).matches();
  }
}
