package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFilesTest {
  @TempDir Path dir;

  private Path text(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path bytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  /** A .npy written byte by byte, independently of DataExport: magic, v1.0, header, data. */
  static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) dict.length(), 0});
    out.writeBytes(dict.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] doubles(ByteOrder order, double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
    for (double x : v) {
      b.putDouble(x);
    }
    return b.array();
  }

  private Path npz(String name, Map<String, byte[]> entries) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream f = Files.newOutputStream(p);
        ZipOutputStream zip = new ZipOutputStream(f)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return p;
  }

  private static LoadOptions opts() {
    return LoadOptions.defaults();
  }

  // ---- CSV and text ----

  @Test
  void csvWithHeaderAndStringLabelsSortsClassNames() throws IOException {
    Path p = text("pets.csv", "x,y,kind\n1,2,dog\n3,4,cat\n5,6,dog\n");
    Dataset d = DataFiles.load(p, opts());
    assertThat(d.name()).isEqualTo("pets.csv");
    assertThat(d.classNames()).containsExactly("cat", "dog");
    assertThat(d.labels()).containsExactly(1, 0, 1);
    assertThat(d.points().toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(d.truth()).isEqualTo(GroundTruth.unknown());
    assertThat(d.params()).isEmpty();
  }

  @Test
  void integerLabelsAreOrderedNumericallyAndColumnsChosenByNameOrIndex() throws IOException {
    Path p = text("n.csv", "label,a,b\n10,0.5,1\n2,1.5,2\n10,2.5,3\n");
    Dataset byName = DataFiles.load(p, opts().withLabelColumn("label"));
    assertThat(byName.classNames()).containsExactly("2", "10");
    assertThat(byName.labels()).containsExactly(1, 0, 1);
    assertThat(byName.points().row(1)).containsExactly(1.5, 2);
    assertThat(DataFiles.load(p, opts().withLabelColumn("0"))).isEqualTo(byName);
    Path noHeader = text("h.tsv", "1\t2\t0\n3\t4\t1.0\n");
    assertThat(DataFiles.load(noHeader, opts()).classNames()).containsExactly("0", "1");
  }

  @Test
  void csvRoundTripKeepsTheBits() throws IOException {
    Dataset d = Datasets.generate("disk-annulus", Map.of("points", "50", "noise", "0.01"), 7);
    Path p = dir.resolve("disk.csv");
    DataExport.writeCsv(d, p);
    Dataset back = DataFiles.load(p, opts());
    assertThat(back.points()).isEqualTo(d.points());
    assertThat(back.labels()).containsExactly(d.labels());
    assertThat(back.classNames()).isEqualTo(d.classNames());
  }

  @Test
  void csvRoundTripKeepsClassNamesThatNeedQuoting() throws IOException {
    java.util.List<String> names = java.util.List.of(" padded ", "#3", "New York, NY", "a \"b\"", "two\nlines");
    Dataset d = new Dataset("q", Map.of(), Points.of(5, 1, new double[] {1, 2, 3, 4, 5}), new int[] {0, 1, 2, 3, 4}, names,
        GroundTruth.unknown());
    Path p = dir.resolve("q.csv");
    DataExport.writeCsv(d, p);
    Dataset back = DataFiles.load(p, opts());
    assertThat(back.points()).isEqualTo(d.points());
    assertThat(java.util.stream.IntStream.of(back.labels()).mapToObj(back.classNames()::get).toList())
        .containsExactlyElementsOf(names);
  }

  @Test
  void ripserCloudIsReadWithoutLabels() throws IOException {
    Path p = text("cloud.txt", "# a circle\n1 0\n0  1\n\n-1 0\n0,-1\n".replace("0,-1", "0 -1"));
    Points c = DataFiles.loadCloud(p, opts());
    assertThat(c.n()).isEqualTo(4);
    assertThat(c.row(3)).containsExactly(0, -1);
    Path comma = text("cloud.csv", "1,2,3\n4,5,6\n");
    assertThat(DataFiles.loadCloud(comma, opts()).d()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "|",
      value = {
        "ragged|x,y,l\\n1,2,a\\n3,b\\n|bad.csv: line 3: 2 fields, expected 3 (rows of unequal length)",
        "nan|1,2,a\\n3,NaN,b\\n|bad.csv: line 2, column 2: 'NaN' is not a finite number",
        "inf|1,-inf,a\\n3,4,b\\n|bad.csv: line 1, column 2: '-inf' is not a finite number",
        "text|x,y,l\\n1,2,a\\n3,four,b\\n|bad.csv: line 3, column 2 ('y'): 'four' is not a number",
        "one class|1,2,a\\n3,4,a\\n|bad.csv: only one class ('a'); a classifier needs at least two",
        "empty|\\n\\n|bad.csv: the file is empty",
        "header only|x,y,label\\n|bad.csv: no data rows",
        "fraction|1,2,0\\n3,4,0.5\\n|bad.csv: line 2: label '0.5' is not a whole number; labels are class integers or names",
        "empty label|1,2,\\n3,4,b\\n|bad.csv: line 1: the label is empty",
        "one column|1\\n2\\n|bad.csv: 1 column; needs at least one coordinate column and a label column",
      })
  void badCsvGivesOneLineNamingFileAndLine(String what, String content, String message) throws IOException {
    Path p = text("bad.csv", content.replace("\\n", "\n"));
    assertThatThrownBy(() -> DataFiles.load(p, opts())).isInstanceOf(BadInputException.class).hasMessage(message);
  }

  // RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks

  @Test
  void quotedFieldsHoldCommasAndDoubledQuotes() throws IOException {
    Path p = text("cities.csv", "x,y,city\n1,2,\"New York, NY\"\n3,4,Boston\n5,6,\"a \"\"b\"\"\"\n7, 8 , \"New York, NY\" \n");
    Dataset d = DataFiles.load(p, opts());
    assertThat(d.classNames()).containsExactly("Boston", "New York, NY", "a \"b\"");
    assertThat(d.labels()).containsExactly(1, 0, 2, 1);
    assertThat(d.points().toArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void quotedLineBreaksStayInTheFieldAndErrorsNameThePhysicalLine() throws IOException {
    Path ok = text("ml.csv", "x,y,l\n1,2,\"two\nlines\"\n3,4,b\n");
    assertThat(DataFiles.load(ok, opts()).classNames()).containsExactly("b", "two\nlines");
    Path bad = text("bad.csv", "x,y,l\n1,2,\"two\nlines\"\n3,four,b\n");
    assertThatThrownBy(() -> DataFiles.load(bad, opts())).isInstanceOf(BadInputException.class)
        .hasMessage("bad.csv: line 4, column 2 ('y'): 'four' is not a number");
  }

  @Test
  void quotedHeaderNamesAndNumbers() throws IOException {
    Path p = text("q.csv", "\"x\",\"y, mm\",\"class\"\n\"1.5\",2,a\n3,\"4\",b\n");
    Dataset d = DataFiles.load(p, opts().withLabelColumn("class"));
    assertThat(d.points().toArray()).containsExactly(1.5, 2, 3, 4);
    assertThatThrownBy(() -> DataFiles.load(p, opts().withLabelColumn("y")))
        .hasMessage("q.csv: no column named 'y'; columns: x, y, mm, class");
  }

  @Test
  void theSeparatorIsTheFirstOneOutsideQuotes() throws IOException {
    Path p = text("s.csv", "\"a, b\";1;2\n\"c\";3;4\n");
    Dataset d = DataFiles.load(p, opts().withLabelColumn("0"));
    assertThat(d.classNames()).containsExactly("a, b", "c");
    assertThat(d.points().toArray()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void byteOrderMarkAndCrlfAreNotPartOfTheData() throws IOException {
    Path p = text("w.csv", "\uFEFFx,y,label\r\n1,2,a\r\n3,4,\"b\"\r\n\r\n");
    Dataset d = DataFiles.load(p, opts().withLabelColumn("label"));
    assertThat(d.classNames()).containsExactly("a", "b");
    assertThat(d.points().toArray()).containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> DataFiles.load(p, opts().withLabelColumn("nope")))
        .hasMessage("w.csv: no column named 'nope'; columns: x, y, label");
  }

  @Test
  void raggedAndBrokenQuotedRowsAreNamed() throws IOException {
    Path ragged = text("bad.csv", "x,y,l\n1,2,\"a,b\",extra\n");
    assertThatThrownBy(() -> DataFiles.load(ragged, opts()))
        .hasMessage("bad.csv: line 2: 4 fields, expected 3 (rows of unequal length)");
    Path open = text("open.csv", "x,y,l\n1,2,a\n3,4,\"b\n5,6,c\n");
    assertThatThrownBy(() -> DataFiles.load(open, opts())).isInstanceOf(BadInputException.class)
        .hasMessage("open.csv: line 3: a quoted field opens and is never closed");
    Path after = text("after.csv", "x,y,l\n1,2,a\n3,4,\"b\"c\n");
    assertThatThrownBy(() -> DataFiles.load(after, opts())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("after.csv: line 3: not valid CSV (Unexpected character after closing quote");
  }

  @Test
  void badLabelColumnsAreNamed() throws IOException {
    Path p = text("c.csv", "x,y,l\n1,2,a\n3,4,b\n");
    assertThatThrownBy(() -> DataFiles.load(p, opts().withLabelColumn("class")))
        .hasMessage("c.csv: no column named 'class'; columns: x, y, l");
    assertThatThrownBy(() -> DataFiles.load(p, opts().withLabelColumn("5")))
        .hasMessage("c.csv: label column 5 does not exist; columns are 0 to 2");
    Path noHeader = text("d.csv", "1,2,a\n3,4,b\n");
    assertThatThrownBy(() -> DataFiles.load(noHeader, opts().withLabelColumn("l")))
        .hasMessageContaining("no header line");
  }

  @Test
  void limitsAreEnforced() throws IOException {
    Path p = text("big.csv", "1,2,a\n3,4,b\n5,6,a\n");
    assertThatThrownBy(() -> DataFiles.load(p, opts().withLimits(10, 1000)))
        .hasMessageStartingWith("big.csv: 18 bytes, over the limit of 10 bytes");
    assertThatThrownBy(() -> DataFiles.load(p, opts().withLimits(1000, 5)))
        .hasMessageStartingWith("big.csv: 6 values, over the limit of 5");
    // far over the limit: reading stops at the line that passes it, before the rest is in memory
    Path long_ = text("long.csv", "1,2,a\n3,4,b\n".repeat(10));
    assertThatThrownBy(() -> DataFiles.load(long_, opts().withLimits(1000, 5)))
        .hasMessage("long.csv: line 4 passes the limit of 5 values (raise it with the size-limit option)");
    assertThatThrownBy(() -> DataFiles.load(dir.resolve("missing.csv"), opts())).hasMessageStartingWith("missing.csv: no such file");
  }

  @Test
  void binaryWithTextExtensionIsRefused() throws IOException {
    Path p = bytes("data.csv", new byte[] {(byte) 0x93, 'N', 'U', (byte) 0xFF, (byte) 0xFE, 0, 1});
    assertThatThrownBy(() -> DataFiles.load(p, opts())).hasMessageStartingWith("data.csv: not UTF-8 text");
  }

  // ---- .npy ----

  /** Found by NpzFuzzTest: an entry name that is not UTF-8 threw IllegalArgumentException from ZipInputStream. */
  @Test
  void npzEntryNameThatIsNotUtf8IsABadArchive() throws IOException {
    Path p = dir.resolve("latin.npz");
    try (OutputStream f = Files.newOutputStream(p);
        ZipOutputStream zip = new ZipOutputStream(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      zip.putNextEntry(new ZipEntry("\u00e9.npy"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    assertThatThrownBy(() -> DataFiles.load(p, opts())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("latin.npz: not a valid .npz (zip) archive");
  }

  /** Found by NpyFuzzTest: an item size too long for an int threw NumberFormatException. */
  @Test
  void npyItemSizeOfManyDigitsIsAnUnsupportedDtype() throws IOException {
    Path p = bytes("big.npy", npy("<f" + "7".repeat(30), false, "(1, 1)", doubles(ByteOrder.LITTLE_ENDIAN, 1)));
    assertThatThrownBy(() -> DataFiles.load(p, opts())).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("big.npy: unsupported dtype '<f7777");
  }

  @Test
  void npyFloat64WithLabelColumn() throws IOException {
    Path p = bytes("a.npy", npy("<f8", false, "(3, 3)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 0, 3, 4, 1, 5, 6, 0)));
    Dataset d = DataFiles.load(p, opts());
    assertThat(d.points().toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(d.labels()).containsExactly(0, 1, 0);
  }

  @Test
  void npyBigEndianFloat32FortranOrderWithSeparateInt8Labels() throws IOException {
    // the 3 × 2 matrix [[1, 2], [3, 4], [5, 6]] stored column by column, big-endian float32
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
    for (float v : new float[] {1, 3, 5, 2, 4, 6}) {
      b.putFloat(v);
    }
    Path x = bytes("x.npy", npy(">f4", true, "(3, 2)", b.array()));
    Path y = bytes("y.npy", npy("|i1", false, "(3,)", new byte[] {7, -1, 7}));
    Dataset d = DataFiles.load(x, opts().withLabelsFile(y));
    assertThat(d.points().toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(d.classNames()).containsExactly("-1", "7");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"<i2,2", ">i4,4", "<i8,8", "<u1,1"})
  void npyIntegerLabelDtypes(String descr, int size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(2 * size).order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (int v : new int[] {1, 0}) {
      switch (size) {
        case 1 -> b.put((byte) v);
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt(v);
        default -> b.putLong(v);
      }
    }
    Path x = bytes("x.npy", npy("<f8", false, "(2, 1)", doubles(ByteOrder.LITTLE_ENDIAN, 0.5, -0.5)));
    Path y = bytes("y.npy", npy(descr, false, "(2,)", b.array()));
    assertThat(DataFiles.load(x, opts().withLabelsFile(y)).labels()).containsExactly(1, 0);
  }

  @Test
  void npyRoundTripThroughCloud() throws IOException {
    Points p = Datasets.generate("hopf-rings", Map.of("points", "30"), 2).points();
    Path f = bytes("h.npy", DataExport.npy(p));
    assertThat(DataFiles.loadCloud(f, opts())).isEqualTo(p);
  }

  @Test
  void badNpyFiles() throws IOException {
    byte[] two = doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<f8", false, "(2, 2, 2)", two)), opts()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("c.npy: points must be a 2-D array (n × d), got shape (2, 2, 2)");
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<c16", false, "(2, 2)", two)), opts()))
        .hasMessage("c.npy: unsupported dtype '<c16'; use float32/float64 points and integer labels");
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<f8", false, "(5, 2)", two)), opts()))
        .hasMessage("c.npy: truncated: shape (5, 2) needs 80 bytes of data, found 64");
    byte[] nan = doubles(ByteOrder.LITTLE_ENDIAN, 1, Double.NaN, 0, 3, 4, 1);
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<f8", false, "(2, 3)", nan)), opts()))
        .hasMessage("c.npy: row 0, column 1 is NaN; values must be finite");
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", "hello".getBytes(StandardCharsets.US_ASCII)), opts()))
        .hasMessageStartingWith("c.npy: not a NumPy .npy file");
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", new byte[0]), opts())).hasMessage("c.npy: the file is empty");
    byte[] oneClass = doubles(ByteOrder.LITTLE_ENDIAN, 1, 0, 2, 0);
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<f8", false, "(2, 2)", oneClass)), opts()))
        .hasMessage("c.npy: only one class ('0'); a classifier needs at least two");
    byte[] frac = doubles(ByteOrder.LITTLE_ENDIAN, 1, 0, 2, 0.5);
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<f8", false, "(2, 2)", frac)), opts()))
        .hasMessageContaining("label 0.5 at row 1 is not a whole number");
    assertThatThrownBy(() -> DataFiles.load(bytes("c.npy", npy("<f8", false, "(4, 2)", two)), opts().withLimits(1000, 7)))
        .hasMessage("c.npy: array of shape (4, 2) is over the limit of 7 values");
  }

  @Test
  void labelCountMismatchAndLabelShape() throws IOException {
    Path x = bytes("x.npy", npy("<f8", false, "(2, 1)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 2)));
    Path y3 = bytes("y3.npy", npy("|u1", false, "(3,)", new byte[] {0, 1, 0}));
    assertThatThrownBy(() -> DataFiles.load(x, opts().withLabelsFile(y3))).hasMessage("x.npy: 2 points but 3 labels");
    Path y2d = bytes("y2d.npy", npy("|u1", false, "(1, 2)", new byte[] {0, 1}));
    assertThatThrownBy(() -> DataFiles.load(x, opts().withLabelsFile(y2d)))
        .hasMessage("x.npy: labels must be a 1-D array (n,), got shape (1, 2)");
  }

  // ---- .npz ----

  @Test
  void npzRoundTripAndHandBuiltArchive() throws IOException {
    Dataset d = Datasets.generate("circles", Map.of("points", "40"), 3);
    Path p = dir.resolve("c.npz");
    DataExport.writeNpz(d, p);
    Dataset back = DataFiles.load(p, opts());
    assertThat(back.points()).isEqualTo(d.points());
    assertThat(back.labels()).containsExactly(d.labels());
    assertThat(back.name()).isEqualTo("c.npz");

    Path hand =
        npz(
            "h.npz",
            Map.of(
                "points.npy", npy("<f8", false, "(2, 2)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4)),
                "labels.npy", npy("<i8", false, "(2,)", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(3).array())));
    Dataset h = DataFiles.load(hand, opts());
    assertThat(h.classNames()).containsExactly("3", "5");
    assertThat(h.labels()).containsExactly(1, 0);
    assertThat(DataFiles.loadCloud(hand, opts()).toArray()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void badNpzFiles() throws IOException {
    Path wrongNames = npz("w.npz", Map.of("a.npy", npy("<f8", false, "(1, 2)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 2))));
    assertThatThrownBy(() -> DataFiles.load(wrongNames, opts())).hasMessage("w.npz: no array named x, X or points; found: a");
    Path notZip = text("n.npz", "just text");
    assertThatThrownBy(() -> DataFiles.load(notZip, opts())).isInstanceOf(BadInputException.class).hasMessageStartingWith("n.npz: ");
    Path big = npz("b.npz", Map.of("x.npy", npy("<f8", false, "(1000, 2)", new byte[16000])));
    assertThatThrownBy(() -> DataFiles.load(big, opts().withLimits(4000, 100000)))
        .hasMessage("b.npz: x.npy: inflates beyond the limit of 4000 bytes");
    Path bad = npz("d.npz", Map.of("x.npy", npy("<f8", false, "(2, 2, 1)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4))));
    assertThatThrownBy(() -> DataFiles.load(bad, opts())).hasMessageStartingWith("d.npz: points must be a 2-D array");
  }
}
