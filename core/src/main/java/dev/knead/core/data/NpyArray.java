package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array read from NumPy's {@code .npy} format (versions 1–3): a magic string, a header
 * that is a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape},
 * then the raw values. Floats (f4, f8) and integers (i1–i8, u1–u8) in either byte order are
 * read; values are returned row-major whatever the file's order.
 *
 * @param shape the array's shape
 * @param values every element, row-major (C order)
 * @param integral whether the dtype is an integer type
 * @param dtype the descr string as written, for messages
 */
public record NpyArray(int[] shape, double[] values, boolean integral, String dtype) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d+)'");
  private static final Pattern ANY_DESCR = Pattern.compile("'descr'\\s*:\\s*([^,]*(\\[.*\\])?)");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /**
   * @param name the file (or {@code .npz} entry) name, for messages
   * @param bytes the whole {@code .npy} content
   * @param maxValues the largest number of elements accepted
   */
  public static NpyArray parse(String name, byte[] bytes, long maxValues) {
    if (bytes.length == 0) {
      throw new BadInputException(name + ": the file is empty");
    }
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new BadInputException(name + ": not a NumPy .npy file (the magic string \\x93NUMPY is missing)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[6];
    long headerLen;
    int start;
    if (major == 1) {
      headerLen = b.getShort(8) & 0xFFFF;
      start = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new BadInputException(name + ": truncated .npy header");
      }
      headerLen = b.getInt(8) & 0xFFFFFFFFL;
      start = 12;
    } else {
      throw new BadInputException(name + ": unsupported .npy format version " + major);
    }
    if (start + headerLen > bytes.length) {
      throw new BadInputException(name + ": truncated .npy header");
    }
    String header = new String(bytes, start, (int) headerLen, StandardCharsets.UTF_8);
    Matcher dm = DESCR.matcher(header);
    if (!dm.find()) {
      Matcher any = ANY_DESCR.matcher(header);
      String what = any.find() ? any.group(1).strip() : "(none)";
      throw new BadInputException(
          name + ": unsupported dtype " + what + "; use float32/float64 points and integer labels");
    }
    char order = dm.group(1).charAt(0);
    char kind = dm.group(2).charAt(0);
    // an item size of more than two digits is no dtype Knead reads (and may not fit an int)
    int size = dm.group(3).length() > 2 ? -1 : Integer.parseInt(dm.group(3));
    String dtype = dm.group(1) + dm.group(2) + dm.group(3);
    boolean ok = kind == 'f' ? size == 4 || size == 8 : size == 1 || size == 2 || size == 4 || size == 8;
    if (!ok) {
      throw new BadInputException(name + ": unsupported dtype '" + dtype + "'; use float32/float64 points and integer labels");
    }
    Matcher fm = FORTRAN.matcher(header);
    Matcher sm = SHAPE.matcher(header);
    if (!fm.find() || !sm.find()) {
      throw new BadInputException(name + ": the .npy header lacks fortran_order or shape");
    }
    int[] shape = shape(name, sm.group(1));
    long count = 1;
    for (int s : shape) {
      count *= s;
      if (count > maxValues) {
        throw new BadInputException(name + ": array of shape " + shapeText(shape) + " is over the limit of " + maxValues + " values");
      }
    }
    long dataStart = start + headerLen;
    long need = count * size;
    if (bytes.length - dataStart < need) {
      throw new BadInputException(
          name + ": truncated: shape " + shapeText(shape) + " needs " + need + " bytes of data, found " + (bytes.length - dataStart));
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, (int) dataStart, (int) need).slice();
    data.order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[(int) count];
    for (int k = 0; k < v.length; k++) {
      v[k] = read(data, k * size, kind, size);
    }
    if (fm.group(1).equals("True") && shape.length > 1) {
      v = toRowMajor(v, shape);
    }
    return new NpyArray(shape, v, kind != 'f', dtype);
  }

  private static double read(ByteBuffer d, int at, char kind, int size) {
    if (kind == 'f') {
      return size == 4 ? d.getFloat(at) : d.getDouble(at);
    }
    long x =
        switch (size) {
          case 1 -> kind == 'u' ? d.get(at) & 0xFFL : d.get(at);
          case 2 -> kind == 'u' ? d.getShort(at) & 0xFFFFL : d.getShort(at);
          case 4 -> kind == 'u' ? d.getInt(at) & 0xFFFFFFFFL : d.getInt(at);
          default -> d.getLong(at);
        };
    return (double) x; // labels are small; a u8 above 2⁶³ is out of any class range anyway
  }

  /** Fortran (column-major) to C (row-major) order, for any rank. */
  private static double[] toRowMajor(double[] f, int[] shape) {
    double[] c = new double[f.length];
    int[] idx = new int[shape.length];
    for (int k = 0; k < f.length; k++) {
      // k is the C-order position of idx; its Fortran position weighs the first axis fastest
      int fpos = 0;
      for (int a = shape.length - 1; a >= 0; a--) {
        fpos = fpos * shape[a] + idx[a];
      }
      c[k] = f[fpos];
      for (int a = shape.length - 1; a >= 0; a--) {
        if (++idx[a] < shape[a]) {
          break;
        }
        idx[a] = 0;
      }
    }
    return c;
  }

  private static int[] shape(String name, String text) {
    String t = text.strip();
    if (t.endsWith(",")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty()) {
      return new int[0];
    }
    String[] parts = t.split(",");
    int[] s = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (!p.matches("\\d{1,10}") || Long.parseLong(p) > Integer.MAX_VALUE) {
        throw new BadInputException(name + ": bad shape (" + text + ") in the .npy header");
      }
      s[i] = Integer.parseInt(p);
    }
    return s;
  }

  static String shapeText(int[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      b.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
