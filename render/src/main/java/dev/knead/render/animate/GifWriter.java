package dev.knead.render.animate;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Streams frames into an animated GIF with ImageIO: each frame with its own delay, and the
 * NETSCAPE2.0 application extension so that viewers loop it (0 = forever).
 */
public final class GifWriter implements Closeable {
  private final ImageWriter writer;
  private final ImageOutputStream stream;
  private final int loops;
  private boolean first = true;

  /** @param loops how many times to play; 0 = forever */
  public GifWriter(OutputStream out, int loops) {
    this.loops = loops;
    writer = ImageIO.getImageWritersByFormatName("gif").next();
    try {
      stream = ImageIO.createImageOutputStream(out);
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param frame an indexed (or any) image
   * @param delayCentis how long to show it, in hundredths of a second (≥ 2 plays at full
   *     speed in every common viewer)
   */
  public void add(BufferedImage frame, int delayCentis) {
    ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
    IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    gce.setAttribute("disposalMethod", "none");
    gce.setAttribute("userInputFlag", "FALSE");
    gce.setAttribute("transparentColorFlag", "FALSE");
    gce.setAttribute("delayTime", Integer.toString(Math.max(2, delayCentis)));
    gce.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, (byte) (loops & 0xff), (byte) ((loops >> 8) & 0xff)});
      apps.appendChild(app);
      first = false;
    }
    try {
      meta.setFromTree(format, root);
      writer.writeToSequence(new IIOImage(frame, null, meta), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode n = new IIOMetadataNode(name);
    root.appendChild(n);
    return n;
  }

  @Override
  public void close() {
    try {
      writer.endWriteSequence();
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }
}
