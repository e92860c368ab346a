package dev.knead.core.imported;

import dev.knead.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol Buffers' wire format, as much of it as an ONNX file needs: a message is a sequence of
 * fields, each a key (field number, wire type) then a varint, a fixed 64- or 32-bit value, or a
 * length-delimited run of bytes (a string, a nested message or a packed array). Every length is
 * checked against what is left, so no input makes it read past its end or allocate more than it
 * holds.
 */
final class Protobuf {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int BYTES = 2;
  static final int FIXED32 = 5;

  /**
   * One field of a message: its number, wire type, and either its value (varint, fixed) or the
   * span of its bytes in the buffer.
   */
  record Field(int number, int wire, long value, byte[] buf, int from, int to) {
    byte[] bytes() {
      return java.util.Arrays.copyOfRange(buf, from, to);
    }

    String text(String where) {
      if (wire != BYTES) {
        throw new BadInputException(where + ": expected text in field " + number);
      }
      return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    List<Field> message(String where) {
      if (wire != BYTES) {
        throw new BadInputException(where + ": expected a message in field " + number);
      }
      return parse(buf, from, to, where);
    }
  }

  private Protobuf() {}

  /** The fields of the message in {@code buf[from, to)}, in order. */
  static List<Field> parse(byte[] buf, int from, int to, String where) {
    List<Field> out = new ArrayList<>();
    int[] at = {from};
    while (at[0] < to) {
      long key = varint(buf, at, to, where);
      int number = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (number <= 0 || key >>> 3 > 536_870_911L) {
        throw new BadInputException(where + ": not a valid protobuf message (field number " + (key >>> 3) + ")");
      }
      switch (wire) {
        case VARINT -> out.add(new Field(number, wire, varint(buf, at, to, where), buf, 0, 0));
        case FIXED64 -> {
          need(buf, at[0], 8, to, where);
          long v = 0;
          for (int i = 7; i >= 0; i--) {
            v = v << 8 | (buf[at[0] + i] & 0xffL);
          }
          at[0] += 8;
          out.add(new Field(number, wire, v, buf, 0, 0));
        }
        case FIXED32 -> {
          need(buf, at[0], 4, to, where);
          long v = (buf[at[0]] & 0xffL) | (buf[at[0] + 1] & 0xffL) << 8 | (buf[at[0] + 2] & 0xffL) << 16
              | (buf[at[0] + 3] & 0xffL) << 24;
          at[0] += 4;
          out.add(new Field(number, wire, v, buf, 0, 0));
        }
        case BYTES -> {
          long len = varint(buf, at, to, where);
          if (len < 0 || len > to - at[0]) {
            throw new BadInputException(where + ": not a valid protobuf message (a length runs past the end)");
          }
          out.add(new Field(number, wire, len, buf, at[0], at[0] + (int) len));
          at[0] += (int) len;
        }
        default -> throw new BadInputException(where + ": not a valid protobuf message (wire type " + wire + ")");
      }
    }
    return out;
  }

  static long varint(byte[] buf, int[] at, int to, String where) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= to) {
        throw new BadInputException(where + ": not a valid protobuf message (it ends inside a number)");
      }
      byte b = buf[at[0]++];
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new BadInputException(where + ": not a valid protobuf message (a number longer than 10 bytes)");
  }

  private static void need(byte[] buf, int at, int n, int to, String where) {
    if (to - at < n) {
      throw new BadInputException(where + ": not a valid protobuf message (it ends inside a value)");
    }
  }

  /** The varints of a repeated integer field, packed or not. */
  static List<Long> longs(List<Field> fields, int number, String where) {
    List<Long> out = new ArrayList<>();
    for (Field f : fields) {
      if (f.number() != number) {
        continue;
      }
      if (f.wire() == VARINT) {
        out.add(f.value());
      } else if (f.wire() == BYTES) {
        int[] at = {f.from()};
        while (at[0] < f.to()) {
          out.add(varint(f.buf(), at, f.to(), where));
        }
      } else {
        throw new BadInputException(where + ": field " + number + " should hold integers");
      }
    }
    return out;
  }
}
