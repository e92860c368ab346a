package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One array in the IDX format of LeCun's MNIST files: two zero bytes, a data-type byte (0x08
 * unsigned byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double), the number
 * of dimensions, each dimension as a big-endian 32-bit size, then the values, big-endian,
 * row-major. A gzip-compressed file (as the originals are distributed) is inflated first.
 *
 * @param dims the sizes, first dimension first (images: n, rows, columns; labels: n)
 * @param values every element, row-major
 * @param type the data-type byte
 */
public record IdxArray(int[] dims, double[] values, int type) {
  public IdxArray {
    dims = dims.clone();
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** @return whether the elements are integers (types 0x08 to 0x0C) */
  public boolean integral() {
    return type != 0x0D && type != 0x0E;
  }

  /**
   * @param name the file name, for messages
   * @param bytes the file's content, IDX or gzip-compressed IDX
   * @param maxBytes the largest inflated content accepted
   * @param maxValues the largest number of elements accepted
   * @throws BadInputException naming the file for anything that is not a whole, well-formed IDX
   *     array: a wrong magic number, an unknown data type, no or more than 8 dimensions, sizes
   *     whose product overflows or passes the limit, a truncated file or bytes after the data
   */
  public static IdxArray parse(String name, byte[] bytes, long maxBytes, long maxValues) {
    if (bytes.length == 0) {
      throw new BadInputException(name + ": the file is empty");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      bytes = gunzip(name, bytes, maxBytes);
    }
    if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
      throw new BadInputException(name + ": not an IDX file (it must start with two zero bytes, a type byte and a dimension count)");
    }
    int type = bytes[2] & 0xFF;
    int size = itemSize(type);
    if (size < 0) {
      throw new BadInputException(name + ": unknown IDX data type 0x" + String.format("%02X", type)
          + " (known: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)");
    }
    int rank = bytes[3] & 0xFF;
    if (rank == 0 || rank > 8) {
      throw new BadInputException(name + ": " + rank + " dimensions; an IDX array has 1 to 8");
    }
    int start = 4 + 4 * rank;
    if (bytes.length < start) {
      throw new BadInputException(name + ": truncated header: " + rank + " dimensions need " + start + " bytes, found " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int[] dims = new int[rank];
    long count = 1;
    for (int k = 0; k < rank; k++) {
      long s = b.getInt(4 + 4 * k) & 0xFFFFFFFFL;
      if (s > Integer.MAX_VALUE) {
        throw new BadInputException(name + ": dimension " + k + " has size " + s + ", more than this reader takes");
      }
      dims[k] = (int) s;
      // sizes whose product overflows, or passes what one Java array holds, are refused like any over the limit
      count = s == 0 ? 0 : count > Long.MAX_VALUE / s ? Long.MAX_VALUE : count * s;
      if (count > Math.min(maxValues, Integer.MAX_VALUE - 8)) {
        throw new BadInputException(name + ": array of shape " + shapeText(dims, k + 1) + " is over the limit of " + Math.min(maxValues, Integer.MAX_VALUE - 8) + " values");
      }
    }
    long need = count * size; // count < 2³¹, size ≤ 8
    long found = bytes.length - start;
    if (found < need) {
      throw new BadInputException(name + ": truncated: shape " + shapeText(dims, rank) + " needs " + need + " bytes of data, found " + found);
    }
    if (found > need) {
      throw new BadInputException(name + ": " + (found - need) + " bytes after the data of shape " + shapeText(dims, rank)
          + " (not a whole IDX array)");
    }
    double[] v = new double[(int) count];
    for (int k = 0, at = start; k < v.length; k++, at += size) {
      v[k] = switch (type) {
        case 0x08 -> bytes[at] & 0xFF;
        case 0x09 -> bytes[at];
        case 0x0B -> b.getShort(at);
        case 0x0C -> b.getInt(at);
        case 0x0D -> b.getFloat(at);
        default -> b.getDouble(at);
      };
    }
    return new IdxArray(dims, v, type);
  }

  /**
   * The first rows of an unsigned-byte IDX array read from a stream (plain IDX, gzip already
   * undone), for the shipped data sets: only the rows asked for are read, so 10,000 of MNIST's
   * 60,000 images cost a sixth of the whole file.
   *
   * @param rows how many entries of the first dimension to read, at most the file's count
   * @throws BadInputException for a header that is not an unsigned-byte IDX one, too few rows,
   *     or a stream that ends early
   */
  public static IdxArray readRows(String name, java.io.InputStream in, int rows) throws IOException {
    java.io.DataInputStream data = new java.io.DataInputStream(in);
    byte[] head = new byte[4];
    try {
      data.readFully(head);
      if (head[0] != 0 || head[1] != 0 || (head[2] & 0xFF) != 0x08 || head[3] == 0 || (head[3] & 0xFF) > 8) {
        throw new BadInputException(name + ": not an unsigned-byte IDX file");
      }
      int[] dims = new int[head[3] & 0xFF];
      long row = 1;
      for (int k = 0; k < dims.length; k++) {
        dims[k] = data.readInt();
        if (dims[k] < 0) {
          throw new BadInputException(name + ": dimension " + k + " is over 2³¹ − 1");
        }
        row = k == 0 ? 1 : Math.multiplyExact(row, dims[k]);
      }
      if (rows < 0 || rows > dims[0] || (long) rows * row > Integer.MAX_VALUE - 8) {
        throw new BadInputException(name + ": " + rows + " rows asked for; the file has " + dims[0]);
      }
      byte[] bytes = new byte[(int) (rows * row)];
      data.readFully(bytes);
      double[] v = new double[bytes.length];
      for (int k = 0; k < v.length; k++) {
        v[k] = bytes[k] & 0xFF;
      }
      dims[0] = rows;
      return new IdxArray(dims, v, 0x08);
    } catch (java.io.EOFException e) {
      throw new BadInputException(name + ": truncated (the data ends before the rows asked for)");
    } catch (ArithmeticException e) {
      throw new BadInputException(name + ": dimensions too large");
    }
  }

  /** @return bytes per element of an IDX data type, −1 for an unknown type */
  static int itemSize(int type) {
    return switch (type) {
      case 0x08, 0x09 -> 1;
      case 0x0B -> 2;
      case 0x0C, 0x0D -> 4;
      case 0x0E -> 8;
      default -> -1;
    };
  }

  static String shapeText(int[] dims, int rank) {
    StringBuilder s = new StringBuilder("(");
    for (int k = 0; k < rank; k++) {
      s.append(k > 0 ? ", " : "").append(dims[k]);
    }
    return s.append(')').toString();
  }

  private static byte[] gunzip(String name, byte[] bytes, long maxBytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        if (out.size() + (long) r > maxBytes) {
          throw new BadInputException(name + ": inflates beyond the limit of " + maxBytes + " bytes");
        }
        out.write(buf, 0, r);
      }
      return out.toByteArray();
    } catch (ZipException | java.io.EOFException e) {
      throw new BadInputException(name + ": not a valid gzip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot be inflated (" + e.getMessage() + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdxArray a && a.type == type && Arrays.equals(a.dims, dims) && Arrays.equals(a.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "IdxArray[type 0x" + Integer.toHexString(type) + ", shape " + shapeText(dims, dims.length) + "]";
  }
}
