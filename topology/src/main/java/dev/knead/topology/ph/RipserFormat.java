package dev.knead.topology.ph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Barcodes in the text format printed by Ripser 1.2.1: header lines, then per dimension
 * {@code persistence intervals in dim K:} followed by {@code " [birth,death)"} or
 * {@code " [birth, )"}; numbers as C++ streams print a float (6 significant digits, %g).
 */
public final class RipserFormat {
  private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);
  private static final Pattern HEADER = Pattern.compile("persistence intervals in dim (\\d+):");
  private static final Pattern BAR = Pattern.compile("\\s*\\[([^,]+),\\s*([^)]*)\\)");

  private RipserFormat() {}

  /** The text {@code ripser} prints for the same input and options. */
  public static String write(PersistenceResult result) {
    StringBuilder out = new StringBuilder();
    RipsParameters p = result.parameters();
    boolean cloud = p.ambientDim() >= 0;
    if (cloud) out.append("point cloud with ").append(p.points()).append(" points in dimension ").append(p.ambientDim()).append('\n');
    if (!Double.isNaN(p.minDistance()) && !(cloud && p.sparse())) {
      out.append("value range: [").append(number(p.minDistance())).append(',').append(number(p.maxDistance())).append("]\n");
      if (p.sparse()) {
        long n = p.points();
        out.append("sparse distance matrix with ").append(n).append(" points and ").append(p.edges()).append('/')
            .append((n * n - 1) / 2).append(" entries\n"); // Ripser 1.2.1 prints (n*n-1)/2
      } else {
        out.append("distance matrix with ").append(p.points()).append(" points, using threshold at enclosing radius ")
            .append(number(p.cutoff())).append('\n');
      }
    }
    for (int dim = 0; dim <= p.maxDim(); dim++) {
      out.append("persistence intervals in dim ").append(dim).append(":\n");
      for (Bar b : result.barcode().bars()) {
        if (b.dim() != dim) continue;
        out.append(" [").append(number(b.birth())).append(',');
        if (!b.isEssential()) out.append(number(b.death()));
        else out.append(' ');
        out.append(")\n");
      }
    }
    return out.toString();
  }

  /** C's {@code %g}: 6 significant digits, trailing zeros dropped, exponent form outside [1e-4, 1e6). */
  public static String number(double x) {
    if (x == 0) return "0";
    if (Double.isNaN(x)) return "nan";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    BigDecimal r = new BigDecimal(x).round(SIX);
    int exp = r.precision() - r.scale() - 1;
    if (exp < -4 || exp >= 6) {
      String digits = r.unscaledValue().abs().toString().replaceAll("0+$", "");
      String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String e = String.format("%02d", Math.abs(exp));
      return (x < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return r.stripTrailingZeros().toPlainString();
  }

  /** Reads the bars of Ripser's text output; header lines are skipped. */
  public static Barcode read(Reader in) {
    List<Bar> bars = new ArrayList<>();
    int dim = -1;
    try (BufferedReader r = new BufferedReader(in)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        Matcher h = HEADER.matcher(line);
        if (h.matches()) {
          dim = Integer.parseInt(h.group(1));
          continue;
        }
        Matcher m = BAR.matcher(line);
        if (dim >= 0 && m.matches()) {
          String death = m.group(2).trim();
          bars.add(new Bar(dim, Double.parseDouble(m.group(1)), death.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(death)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Barcode(bars);
  }
}
