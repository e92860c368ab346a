package dev.knead.render.animate;

import dev.knead.core.io.AtomicFiles;
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
    Animator a = new Animator(subject, options);
    Quantizer q = new Quantizer(options.figure().palette());
    BufferedImage cur = q.newIndexed(a.image().getWidth(), a.image().getHeight());
    BufferedImage pending = q.newIndexed(a.image().getWidth(), a.image().getHeight());
    byte[] curData = ((DataBufferByte) cur.getRaster().getDataBuffer()).getData();
    byte[] pendData = ((DataBufferByte) pending.getRaster().getDataBuffer()).getData();
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    int delay = options.delayCentis();
    int[] pendingDelay = {0};
    try (GifWriter gif = new GifWriter(out, 0)) {
      a.run(k -> {
        q.quantize(a.image(), cur);
        if (pendingDelay[0] > 0 && options.mergeRepeats() && Arrays.equals(curData, pendData)) {
          pendingDelay[0] += delay;
          return;
        }
        if (pendingDelay[0] > 0) {
          gif.add(pending, pendingDelay[0]);
        }
        System.arraycopy(curData, 0, pendData, 0, curData.length);
        pendingDelay[0] = delay;
      });
      if (pendingDelay[0] > 0) {
        gif.add(pending, pendingDelay[0]);
      }
    } finally {
      a.close();
    }
    return out.toByteArray();
  }

  /** Writes the GIF atomically. */
  public static void write(Subject subject, AnimationOptions options, Path out) {
    AtomicFiles.write(out, bytes(subject, options));
  }
}
