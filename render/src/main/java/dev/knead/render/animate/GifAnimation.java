package dev.knead.render.animate;

import dev.knead.core.io.AtomicFiles;
import dev.knead.core.io.Provenance;
import dev.knead.render.Subject;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Renders an animation into a looping GIF: frames quantised to one fixed colour table, repeats merged. */
public final class GifAnimation {
  private GifAnimation() {}

  /** @return the GIF's bytes */
  public static byte[] bytes(Subject subject, AnimationOptions options) {
    return bytes(subject, options, null);
  }

  /** @return the GIF's bytes, with the provenance as its comment (null = none) */
  public static byte[] bytes(Subject subject, AnimationOptions options, Provenance provenance) {
    Animator a = new Animator(subject, options);
    Quantizer q = new Quantizer(options.figure().palette());
    BufferedImage cur = q.newIndexed(a.image().getWidth(), a.image().getHeight());
    BufferedImage pending = q.newIndexed(a.image().getWidth(), a.image().getHeight());
    BufferedImage delta = q.newDelta(a.image().getWidth(), a.image().getHeight());
    byte[] curData = ((DataBufferByte) cur.getRaster().getDataBuffer()).getData();
    byte[] pendData = ((DataBufferByte) pending.getRaster().getDataBuffer()).getData();
    byte[] shownData = new byte[curData.length]; // what the viewer shows after the last written frame
    byte[] deltaData = ((DataBufferByte) delta.getRaster().getDataBuffer()).getData();
    boolean[] written = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    int delay = options.delayCentis();
    int[] pendingDelay = {0};
    int w = a.image().getWidth();
    int h = a.image().getHeight();
    try (GifWriter gif = new GifWriter(out, w, h, q.colors(), Quantizer.UNCHANGED, 0, provenance)) {
      Runnable flush = () -> {
        if (!written[0]) {
          gif.add(pending, pendingDelay[0]);
          written[0] = true;
        } else {
          // unchanged pixels become the transparent index: long runs that LZW packs tightly
          for (int i = 0; i < pendData.length; i++) {
            deltaData[i] = pendData[i] == shownData[i] ? (byte) Quantizer.UNCHANGED : pendData[i];
          }
          gif.add(delta, pendingDelay[0]);
        }
        System.arraycopy(pendData, 0, shownData, 0, pendData.length);
      };
      a.run(k -> {
        q.quantize(a.image(), cur);
        if (pendingDelay[0] > 0 && options.mergeRepeats() && Arrays.equals(curData, pendData)) {
          pendingDelay[0] += delay;
          return;
        }
        if (pendingDelay[0] > 0) {
          flush.run();
        }
        System.arraycopy(curData, 0, pendData, 0, curData.length);
        pendingDelay[0] = delay;
      });
      if (pendingDelay[0] > 0) {
        flush.run();
      }
    } finally {
      a.close();
    }
    return out.toByteArray();
  }

  /** Writes the GIF atomically. */
  public static void write(Subject subject, AnimationOptions options, Path out) {
    write(subject, options, null, out);
  }

  /** Writes the GIF atomically, with the provenance as its comment (null = none). */
  public static void write(Subject subject, AnimationOptions options, Provenance provenance, Path out) {
    AtomicFiles.write(out, bytes(subject, options, provenance));
  }
}
