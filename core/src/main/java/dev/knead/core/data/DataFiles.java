package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a user's data into a {@link Dataset} (labelled) or {@link Points} (a point cloud, for
 * topology only). The extension decides the format: {@code .npy}, {@code .npz}, otherwise
 * delimited text ({@code .csv}, {@code .tsv}, {@code .txt}, ripser's point-cloud files). Every
 * problem becomes a one-line {@link BadInputException} naming the file, and for text the line.
 * Loaded data sets are named after the file, have no parameters and unknown ground truth.
 */
public final class DataFiles {
  private static final List<String> POINT_KEYS = List.of("x", "X", "points");
  private static final List<String> LABEL_KEYS = List.of("y", "Y", "labels");

  private DataFiles() {}

  /**
   * @param path a {@code .csv}/{@code .tsv}/{@code .txt} (labels in a column), {@code .npy}
   *     (labels in a column or in {@link LoadOptions#labelsFile()}) or {@code .npz} ({@code x}
   *     and {@code y} arrays)
   */
  public static Dataset load(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    if (isIdx(path)) {
      return idx(path, options);
    }
    return switch (extension(path)) {
      case "npy" -> {
        NpyArray x = NpyArray.parse(file, read(path, options), options.maxValues());
        NpyArray y =
            options.labelsFile().isPresent()
                ? NpyArray.parse(options.labelsFile().get().getFileName().toString(), read(options.labelsFile().get(), options), options.maxValues())
                : null;
        yield labelled(file, x, y, options);
      }
      case "npz" -> {
        Map<String, NpyArray> arrays = npz(path, options);
        yield labelled(file, pointsArray(file, arrays), first(arrays, LABEL_KEYS), options);
      }
      default -> {
        checkSize(path, options);
        yield DelimitedText.readLabelled(path, options);
      }
    };
  }

  /** Unlabelled coordinates: every column of a text file or of the 2-D array. */
  public static Points loadCloud(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    if (isIdx(path)) {
      IdxArray x = IdxArray.parse(file, read(path, options), options.maxBytes(), options.maxValues());
      int n = x.dims()[0];
      if (n == 0 || x.values().length == 0) {
        throw new BadInputException(file + ": no data (shape " + IdxArray.shapeText(x.dims(), x.dims().length) + ")");
      }
      return Points.of(n, x.values().length / n, x.values());
    }
    return switch (extension(path)) {
      case "npy" -> points(file, NpyArray.parse(file, read(path, options), options.maxValues()), -1);
      case "npz" -> points(file, pointsArray(file, npz(path, options)), -1);
      default -> {
        checkSize(path, options);
        yield DelimitedText.readCloud(path, options);
      }
    };
  }

  /**
   * Whether the file is a delimited-text table whose first line is a header ({@link #load} reads
   * it as a labelled data set, label column last unless named); false for {@code .npy}/{@code .npz}.
   */
  public static boolean hasHeader(Path path, LoadOptions options) {
    String ext = extension(path);
    if (ext.equals("npy") || ext.equals("npz")) {
      return false;
    }
    checkSize(path, options);
    return DelimitedText.hasHeader(path, options);
  }

  /**
   * Whether a file is read as IDX: its name, without a final {@code .gz}, ends in {@code .idx}
   * or in MNIST's {@code idxN-ubyte} ({@code train-images-idx3-ubyte}, {@code t10k-labels.idx1-ubyte}).
   */
  public static boolean isIdx(Path path) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    return n.endsWith(".idx") || n.matches(".*idx[1-8][-.]ubyte");
  }

  /**
   * An IDX pair: images (n × …, flattened row-major to n × d; pixel values as stored, no
   * scaling) and labels from {@link LoadOptions#labelsFile()} (n whole numbers, IDX too).
   */
  private static Dataset idx(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    if (options.labelsFile().isEmpty()) {
      throw new BadInputException(file + ": an IDX file of points needs its labels file (--labels FILE, e.g. train-labels-idx1-ubyte)");
    }
    Path lp = options.labelsFile().get();
    String lfile = lp.getFileName().toString();
    IdxArray x = IdxArray.parse(file, read(path, options), options.maxBytes(), options.maxValues());
    IdxArray y = IdxArray.parse(lfile, read(lp, options), options.maxBytes(), options.maxValues());
    int[] s = x.dims();
    if (s.length < 2) {
      throw new BadInputException(file + ": points must have at least 2 dimensions (n × …), got shape " + IdxArray.shapeText(s, s.length));
    }
    int n = s[0];
    int d = n == 0 ? 0 : x.values().length / n;
    if (n == 0 || d == 0) {
      throw new BadInputException(file + ": no data (shape " + IdxArray.shapeText(s, s.length) + ")");
    }
    int[] ls = y.dims();
    if (!(ls.length == 1 || (ls.length == 2 && ls[1] == 1))) {
      throw new BadInputException(lfile + ": labels must be a 1-D array (n,), got shape " + IdxArray.shapeText(ls, ls.length));
    }
    if (ls[0] != n) {
      throw new BadInputException(file + ": " + n + " points but " + ls[0] + " labels");
    }
    double[] v = x.values();
    for (int k = 0; k < v.length; k++) {
      if (!Double.isFinite(v[k])) {
        throw new BadInputException(file + ": row " + k / d + ", column " + k % d + " is " + v[k] + "; values must be finite");
      }
    }
    ClassLabels labels = ClassLabels.fromIntegers(lfile, whole(lfile, y.values(), "IDX type 0x" + Integer.toHexString(y.type())));
    return new Dataset(file, Map.of(), Points.of(n, d, v), labels.labels(), labels.names(), GroundTruth.unknown());
  }

  private static String extension(Path path) {
    String n = path.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Dataset labelled(String file, NpyArray x, NpyArray y, LoadOptions options) {
    ClassLabels labels;
    Points p;
    if (y != null) {
      p = points(file, x, -1);
      int[] s = y.shape();
      if (!(s.length == 1 || (s.length == 2 && s[1] == 1))) {
        throw new BadInputException(file + ": labels must be a 1-D array (n,), got shape " + NpyArray.shapeText(s));
      }
      if (s[0] != p.n()) {
        throw new BadInputException(file + ": " + p.n() + " points but " + s[0] + " labels");
      }
      labels = ClassLabels.fromIntegers(file, whole(file, y.values(), y.dtype()));
    } else {
      points(file, x, -1); // shape and finiteness first: their messages are the clearer ones
      int width = x.shape()[1];
      int col = labelIndex(file, options, width);
      p = points(file, x, col);
      double[] raw = new double[p.n()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = x.values()[i * width + col];
      }
      labels = ClassLabels.fromIntegers(file, whole(file, raw, x.dtype()));
    }
    return new Dataset(file, Map.of(), p, labels.labels(), labels.names(), GroundTruth.unknown());
  }

  /** The n × d points of a 2-D array, leaving out column {@code skip} (or none when −1). */
  private static Points points(String file, NpyArray a, int skip) {
    int[] s = a.shape();
    if (s.length != 2) {
      throw new BadInputException(
          file + ": points must be a 2-D array (n × d), got shape " + NpyArray.shapeText(s)
              + (s.length == 1 ? "; reshape a 1-D array to (n, 1)" : ""));
    }
    int n = s[0];
    int w = s[1];
    int d = skip < 0 ? w : w - 1;
    if (n == 0 || d == 0) {
      throw new BadInputException(file + ": no data (shape " + NpyArray.shapeText(s) + ")");
    }
    double[] v = a.values();
    double[] out = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0, k = 0; j < w; j++) {
        if (j == skip) {
          continue;
        }
        double x = v[i * w + j];
        if (!Double.isFinite(x)) {
          throw new BadInputException(file + ": row " + i + ", column " + j + " is " + x + "; values must be finite");
        }
        out[i * d + k++] = x;
      }
    }
    return Points.of(n, d, out);
  }

  private static int labelIndex(String file, LoadOptions options, int width) {
    if (width < 2) {
      throw new BadInputException(file + ": no labels: give a labels file, or a 2-D array whose last column holds the labels");
    }
    String c = options.labelColumn().orElse("-1").strip();
    if (!NumberText.isWhole(c)) {
      throw new BadInputException(file + ": label column '" + c + "' must be a column index for .npy data");
    }
    long k = Long.parseLong(c);
    long j = k < 0 ? width + k : k;
    if (j < 0 || j >= width) {
      throw new BadInputException(file + ": label column " + c + " does not exist; columns are 0 to " + (width - 1));
    }
    return (int) j;
  }

  private static long[] whole(String file, double[] v, String dtype) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i]) || v[i] != Math.rint(v[i]) || Math.abs(v[i]) > 1e15) {
        throw new BadInputException(file + ": label " + v[i] + " at row " + i + " is not a whole number (dtype " + dtype + ")");
      }
      out[i] = (long) v[i];
    }
    return out;
  }

  private static NpyArray pointsArray(String file, Map<String, NpyArray> arrays) {
    NpyArray x = first(arrays, POINT_KEYS);
    if (x == null) {
      throw new BadInputException(
          file + ": no array named x, X or points; found: " + (arrays.isEmpty() ? "none" : String.join(", ", arrays.keySet())));
    }
    return x;
  }

  private static NpyArray first(Map<String, NpyArray> arrays, List<String> keys) {
    return keys.stream().filter(arrays::containsKey).findFirst().map(arrays::get).orElse(null);
  }

  /**
   * Every {@code .npy} member of a {@code .npz}, by name without the extension, in archive order
   * (for readers of other arrays than data sets, e.g. imported weights).
   */
  public static Map<String, NpyArray> npzArrays(Path path, LoadOptions options) {
    return npz(path, options);
  }

  /** Every {@code .npy} member of a zip, by name without the extension; inflated size bounded. */
  private static Map<String, NpyArray> npz(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    checkSize(path, options); // the compressed size; the inflated size is bounded below
    Map<String, NpyArray> out = new LinkedHashMap<>();
    long total = 0;
    boolean anyEntry = false;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        anyEntry = true;
        String name = e.getName();
        if (e.isDirectory() || !name.endsWith(".npy")) {
          continue;
        }
        byte[] bytes = bounded(zip, options.maxBytes() - total, file + ": " + name, options);
        total += bytes.length;
        out.put(name.substring(0, name.length() - 4), NpyArray.parse(file + ": " + name, bytes, options.maxValues()));
      }
    } catch (ZipException e) {
      throw new BadInputException(file + ": not a valid .npz (zip) archive (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      // ZipInputStream's answer to an entry name that is not UTF-8
      throw new BadInputException(file + ": not a valid .npz (zip) archive (an entry name is not UTF-8)");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (!anyEntry) {
      throw new BadInputException(file + ": not a .npz archive, or an empty one");
    }
    return out;
  }

  private static byte[] bounded(InputStream in, long budget, String what, LoadOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    int r;
    while ((r = in.read(buf)) > 0) {
      if (out.size() + (long) r > budget) {
        throw new BadInputException(what + ": inflates beyond the limit of " + options.maxBytes() + " bytes");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  /** The whole file, after checking it exists and is under the size limit. */
  private static byte[] read(Path path, LoadOptions options) {
    checkSize(path, options);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new BadInputException(path.getFileName() + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static void checkSize(Path path, LoadOptions options) {
    String file = path.getFileName().toString();
    try {
      long size = Files.size(path);
      if (size > options.maxBytes()) {
        throw new BadInputException(
            file + ": " + size + " bytes, over the limit of " + options.maxBytes() + " bytes (raise it with the size-limit option)");
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file (" + path + ")");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
