package dev.knead.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** IDX files written byte by byte here (big-endian by hand), independently of the reader. */
class IdxArrayTest {
  static final long BIG = 1L << 30;

  /** Header: 0, 0, type, rank, then each size as four big-endian bytes. */
  static byte[] idx(int type, int[] dims, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 0, (byte) type, (byte) dims.length});
    for (int s : dims) {
      out.writeBytes(new byte[] {(byte) (s >>> 24), (byte) (s >>> 16), (byte) (s >>> 8), (byte) s});
    }
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static IdxArray parse(byte[] b) {
    return IdxArray.parse("t.idx", b, BIG, 1_000_000);
  }

  @Test
  void unsignedBytesReadAbove127AndRowMajor() {
    IdxArray a = parse(idx(0x08, new int[] {2, 1, 3}, new byte[] {0, 1, (byte) 255, (byte) 128, 7, 9}));
    assertThat(a.dims()).containsExactly(2, 1, 3);
    assertThat(a.values()).containsExactly(0, 1, 255, 128, 7, 9);
    assertThat(a.integral()).isTrue();
  }

  @Test
  void everyDataTypeBigEndian() {
    assertThat(parse(idx(0x09, new int[] {2}, new byte[] {(byte) 0xFF, 5})).values()).containsExactly(-1, 5);
    assertThat(parse(idx(0x0B, new int[] {2}, new byte[] {(byte) 0xFF, (byte) 0xFE, 1, 0})).values()).containsExactly(-2, 256);
    assertThat(parse(idx(0x0C, new int[] {1}, new byte[] {0, 1, 0, 0})).values()).containsExactly(65536);
    // 0x3FC00000 is 1.5f; 0xC004000000000000 is −2.5
    IdxArray f = parse(idx(0x0D, new int[] {1}, new byte[] {0x3F, (byte) 0xC0, 0, 0}));
    assertThat(f.values()).containsExactly(1.5);
    assertThat(f.integral()).isFalse();
    assertThat(parse(idx(0x0E, new int[] {1}, new byte[] {(byte) 0xC0, 4, 0, 0, 0, 0, 0, 0})).values()).containsExactly(-2.5);
  }

  @Test
  void gzipIsInflatedFirst() {
    byte[] plain = idx(0x08, new int[] {3}, new byte[] {4, 5, 6});
    assertThat(parse(gzip(plain))).isEqualTo(parse(plain));
  }

  @Test
  void malformedHeadersAreOneLineErrors() {
    assertThatThrownBy(() -> parse(new byte[0])).isInstanceOf(BadInputException.class).hasMessage("t.idx: the file is empty");
    assertThatThrownBy(() -> parse(new byte[] {1, 0, 8, 1, 0, 0, 0, 0}))
        .hasMessageStartingWith("t.idx: not an IDX file");
    assertThatThrownBy(() -> parse(new byte[] {0, 0, 8}))
        .hasMessageStartingWith("t.idx: not an IDX file");
    assertThatThrownBy(() -> parse(idx(0x0A, new int[] {1}, new byte[] {0})))
        .hasMessageStartingWith("t.idx: unknown IDX data type 0x0A");
    assertThatThrownBy(() -> parse(new byte[] {0, 0, 8, 0}))
        .hasMessage("t.idx: 0 dimensions; an IDX array has 1 to 8");
    assertThatThrownBy(() -> parse(new byte[] {0, 0, 8, (byte) 200}))
        .hasMessage("t.idx: 200 dimensions; an IDX array has 1 to 8");
    assertThatThrownBy(() -> parse(new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0}))
        .hasMessage("t.idx: truncated header: 3 dimensions need 16 bytes, found 10");
  }

  @Test
  void truncatedAndTrailingDataAreRefused() {
    assertThatThrownBy(() -> parse(idx(0x08, new int[] {2, 2}, new byte[] {1, 2, 3})))
        .hasMessage("t.idx: truncated: shape (2, 2) needs 4 bytes of data, found 3");
    assertThatThrownBy(() -> parse(idx(0x0E, new int[] {1}, new byte[] {1, 2, 3, 4})))
        .hasMessage("t.idx: truncated: shape (1) needs 8 bytes of data, found 4");
    assertThatThrownBy(() -> parse(idx(0x08, new int[] {2}, new byte[] {1, 2, 3})))
        .hasMessage("t.idx: 1 bytes after the data of shape (2) (not a whole IDX array)");
  }

  @Test
  void overflowingDimensionsNeverAllocate() {
    // 2³¹ − 1 in each of three dimensions: the product overflows a long; the reader must say "over the limit"
    int m = Integer.MAX_VALUE;
    assertThatThrownBy(() -> parse(idx(0x08, new int[] {m, m, m}, new byte[0])))
        .hasMessage("t.idx: array of shape (2147483647) is over the limit of 1000000 values");
    assertThatThrownBy(() -> parse(idx(0x08, new int[] {1000, 1001}, new byte[0])))
        .hasMessage("t.idx: array of shape (1000, 1001) is over the limit of 1000000 values");
    // a size with the top bit set is above 2³¹ − 1 as IDX's sizes are unsigned
    assertThatThrownBy(() -> parse(idx(0x08, new int[] {-1}, new byte[0])))
        .hasMessage("t.idx: dimension 0 has size 4294967295, more than this reader takes");
    // zero-sized arrays are whole arrays: shape (0, 5) with no data
    assertThat(parse(idx(0x08, new int[] {0, 5}, new byte[0])).values()).isEmpty();
  }

  @Test
  void brokenGzipAndGzipBombs() {
    byte[] z = gzip(idx(0x08, new int[] {4}, new byte[] {1, 2, 3, 4}));
    byte[] cut = java.util.Arrays.copyOf(z, z.length - 6);
    assertThatThrownBy(() -> parse(cut)).isInstanceOf(BadInputException.class).hasMessageStartingWith("t.idx: not a valid gzip file");
    byte[] bomb = gzip(idx(0x08, new int[] {100_000}, new byte[100_000]));
    assertThatThrownBy(() -> IdxArray.parse("t.idx", bomb, 50_000, 1_000_000))
        .hasMessage("t.idx: inflates beyond the limit of 50000 bytes");
  }

  @Test
  void bigEndianIntsRoundTripThroughByteBuffer() {
    // a second, independent writer (ByteBuffer's big-endian default) for the sizes
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 6);
    b.put(new byte[] {0, 0, 8, 2}).putInt(2).putInt(3).put(new byte[] {1, 2, 3, 4, 5, 6});
    assertThat(parse(b.array())).isEqualTo(parse(idx(0x08, new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, 6})));
  }
}
