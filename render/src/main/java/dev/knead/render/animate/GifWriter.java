package dev.knead.render.animate;

import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
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
 * Streams frames into an animated GIF with ImageIO: each frame with its own delay, the
 * NETSCAPE2.0 application extension so that viewers loop it (0 = forever), and the artefact's
 * provenance as a comment extension.
 */
public final class GifWriter implements Closeable {
  private final ImageWriter writer;
  private final ImageOutputStream stream;
  private final int loops;
  private final int transparent;
  private final String comment;
  private boolean first = true;

  /**
   * @param colors the global colour table, 256 entries 0xRRGGBB (every frame indexes into it)
   * @param transparent the index frames use for "unchanged since the previous frame"; −1 = none
   * @param loops how many times to play; 0 = forever
   */
  public GifWriter(OutputStream out, int width, int height, int[] colors, int transparent, int loops) {
    this(out, width, height, colors, transparent, loops, null);
  }

  /**
   * @param colors the global colour table, 256 entries 0xRRGGBB (every frame indexes into it)
   * @param transparent the index frames use for "unchanged since the previous frame"; −1 = none
   * @param loops how many times to play; 0 = forever
   * @param provenance written as a comment extension before the first frame (the JSON of
   *     {@link Provenance#toJson()}); null = none
   */
  public GifWriter(OutputStream out, int width, int height, int[] colors, int transparent, int loops, Provenance provenance) {
    this.loops = loops;
    this.comment = provenance == null ? null : Json.writeLine(provenance.toJson());
    this.transparent = transparent;
    writer = ImageIO.getImageWritersByFormatName("gif").next();
    try {
      stream = ImageIO.createImageOutputStream(out);
      writer.setOutput(stream);
      IIOMetadata sm = writer.getDefaultStreamMetadata(null);
      String fmt = sm.getNativeMetadataFormatName();
      IIOMetadataNode root = (IIOMetadataNode) sm.getAsTree(fmt);
      IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
      screen.setAttribute("logicalScreenWidth", Integer.toString(width));
      screen.setAttribute("logicalScreenHeight", Integer.toString(height));
      screen.setAttribute("colorResolution", "8");
      screen.setAttribute("pixelAspectRatio", "0");
      IIOMetadataNode table = child(root, "GlobalColorTable");
      while (table.getFirstChild() != null) {
        table.removeChild(table.getFirstChild());
      }
      table.setAttribute("sizeOfGlobalColorTable", "256");
      table.setAttribute("backgroundColorIndex", "0");
      table.setAttribute("sortFlag", "FALSE");
      for (int i = 0; i < 256; i++) {
        IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
        e.setAttribute("index", Integer.toString(i));
        e.setAttribute("red", Integer.toString((colors[i] >> 16) & 255));
        e.setAttribute("green", Integer.toString((colors[i] >> 8) & 255));
        e.setAttribute("blue", Integer.toString(colors[i] & 255));
        table.appendChild(e);
      }
      sm.setFromTree(fmt, root);
      writer.prepareWriteSequence(sm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param frame an indexed image using the global colour table; after the first frame, pixels
   *     at the transparent index keep the previous frame's colour
   * @param delayCentis how long to show it, in hundredths of a second (≥ 2 plays at full
   *     speed in every common viewer)
   */
  public void add(BufferedImage frame, int delayCentis) {
    ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
    IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    boolean see = !first && transparent >= 0;
    gce.setAttribute("disposalMethod", "doNotDispose");
    gce.setAttribute("userInputFlag", "FALSE");
    gce.setAttribute("transparentColorFlag", see ? "TRUE" : "FALSE");
    gce.setAttribute("delayTime", Integer.toString(Math.max(2, delayCentis)));
    gce.setAttribute("transparentColorIndex", Integer.toString(see ? transparent : 0));
    IIOMetadataNode local = child(root, "LocalColorTable");
    root.removeChild(local); // frames use the global table
    if (first) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, (byte) (loops & 0xff), (byte) ((loops >> 8) & 0xff)});
      apps.appendChild(app);
      if (comment != null) {
        // ImageIO writes a frame's comment extensions before it; the comment is ASCII JSON
        IIOMetadataNode comments = child(root, "CommentExtensions");
        IIOMetadataNode c = new IIOMetadataNode("CommentExtension");
        c.setAttribute("value", comment);
        comments.appendChild(c);
      }
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
