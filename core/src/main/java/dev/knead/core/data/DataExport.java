package dev.knead.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes data sets in the formats {@link DataFiles} reads: CSV with a header and class names as
 * labels, and {@code .npz} with {@code x} (float64, n × d) and {@code y} (int32 class indices).
 * Doubles are written in full precision, so a round trip gives the same bits.
 */
public final class DataExport {
  private DataExport() {}

  /** Header {@code x1,…,xd,label}; one row per point, the label being the class name (quoted where RFC 4180 needs it). */
  public static void writeCsv(Dataset d, Path path) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < d.dim(); j++) {
      b.append('x').append(j + 1).append(',');
    }
    b.append("label\n");
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < d.dim(); j++) {
        b.append(d.points().get(i, j)).append(',');
      }
      b.append(csvField(d.classNames().get(d.label(i)))).append('\n');
    }
    write(path, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A class name as an RFC 4180 field: quoted (quotes doubled) when it would not survive bare. */
  static String csvField(String name) {
    boolean bare = !name.isEmpty() && name.equals(name.strip()) && !name.startsWith("#")
        && name.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\t' || c == ';');
    return bare ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code x.npy} and {@code y.npy} in one zip. */
  public static void writeNpz(Dataset d, Path path) {
    try (OutputStream f = Files.newOutputStream(path);
        ZipOutputStream zip = new ZipOutputStream(f)) {
      zip.putNextEntry(new ZipEntry("x.npy"));
      zip.write(npy(d.points()));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("y.npy"));
      zip.write(npyLabels(d.labels()));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A little-endian float64, C-order {@code .npy} (format 1.0) of the points. */
  public static byte[] npy(Points p) {
    ByteBuffer data = ByteBuffer.allocate(p.n() * p.d() * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : p.toArray()) {
      data.putDouble(v);
    }
    return withHeader("<f8", "(" + p.n() + ", " + p.d() + ")", data.array());
  }

  /** A little-endian int32 1-D {@code .npy} of labels. */
  public static byte[] npyLabels(int[] labels) {
    ByteBuffer data = ByteBuffer.allocate(labels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int y : labels) {
      data.putInt(y);
    }
    return withHeader("<i4", "(" + labels.length + ",)", data.array());
  }

  /** Magic, version 1.0, a header padded with spaces to a multiple of 64 bytes, the data. */
  static byte[] withHeader(String descr, String shape, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int len = dict.length() + 1;
    int pad = (64 - (10 + len) % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(header.length() & 0xFF);
    out.write(header.length() >> 8);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static void write(Path path, byte[] bytes) {
    try {
      Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
