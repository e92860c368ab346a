package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.data.colours.ColourMix;
import dev.knead.core.data.colours.Srgb;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.figure.SwatchFigure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead colours}: colours as vectors. */
@Command(name = "colours", aliases = "colors", mixinStandardHelpOptions = true,
    description = "Colours as vectors in RGB and Lab.", subcommands = ColoursCommand.Mix.class)
public final class ColoursCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return KneadCommand.OK;
  }

  /** {@code knead colours mix C1 C2 …}. */
  @Command(name = "mix", mixinStandardHelpOptions = true,
      description = "Mix colours as vectors (128,0,0 plus 0,0,128 → purple), four ways: light (the sum of linear-light RGB, as "
          + "two lights on one spot, clipped at full intensity), the sRGB average, the linear-RGB average and the Lab average; "
          + "each named by its nearest CSS colour (CIE76 ΔE).")
  static final class Mix implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "COLOUR", description = "R,G,B (0 … 255 each), #rrggbb or a CSS colour name.")
    List<String> colours;

    @Option(names = "--out", paramLabel = "FILE", description = "Also draw the swatches (.png or .svg).")
    Path out;

    @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
      if (out != null) {
        FigureArgs.checkOut(out, Set.of("png", "svg"), "");
      }
      List<Srgb> in = colours.stream().map(ColourMix::parse).toList();
      List<ColourMix.Result> mixes = ColourMix.mix(in);
      if (out != null) {
        List<SwatchFigure.Row> rows = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
          rows.add(new SwatchFigure.Row(colours.get(i), in.get(i).argb(), 0, ColourMix.text(in.get(i)) + "  " + in.get(i).hex()));
        }
        for (ColourMix.Result r : mixes) {
          rows.add(new SwatchFigure.Row(r.way().label(), r.colour().argb(), r.nearest().named().colour().argb(),
              String.format(Locale.ROOT, "%s → %s (ΔE %.1f)%n%s", ColourMix.text(r.colour()), r.nearest().named().name(),
                  r.nearest().deltaE(), r.way().meaning())));
        }
        FigureOptions opt = FigureOptions.of(1150, 110 + 95 * rows.size()).withScale(2);
        Images.write(new SwatchFigure("mixing " + String.join(" and ", colours), rows, opt.palette()), opt,
            Provenance.versionOnly(), out);
      }
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        ObjectNode doc = Json.object();
        ArrayNode inputs = doc.putArray("colours");
        in.forEach(c -> inputs.add(colourJson(c)));
        ArrayNode m = doc.putArray("mixes");
        for (ColourMix.Result r : mixes) {
          ObjectNode x = colourJson(r.colour());
          x.put("way", r.way().label());
          x.put("meaning", r.way().meaning());
          x.put("nearest", r.nearest().named().name());
          x.set("delta_e", Json.num(r.nearest().deltaE()));
          m.add(x);
        }
        if (out != null) {
          doc.set("files", Written.files(out));
        }
        JsonDocument.print(o, doc, Provenance.versionOnly());
        return KneadCommand.OK;
      }
      ColourMix.Result light = mixes.get(0);
      o.printf(Locale.ROOT, "%s = %s (%s; nearest CSS colour, ΔE %.1f)%n", String.join(" + ", colours),
          ColourMix.text(light.colour()), light.nearest().named().name(), light.nearest().deltaE());
      for (ColourMix.Result r : mixes) {
        o.printf(Locale.ROOT, "  %-15s %-12s %s  → %-14s ΔE %5.1f   %s%n", r.way().label(), ColourMix.text(r.colour()),
            r.colour().hex(), r.nearest().named().name(), r.nearest().deltaE(), r.way().meaning());
      }
      if (out != null) {
        o.println("wrote " + out);
      }
      return KneadCommand.OK;
    }

    private static ObjectNode colourJson(Srgb c) {
      ObjectNode o = Json.object();
      ArrayNode rgb = o.putArray("rgb");
      for (int v : c.rounded()) {
        rgb.add(v);
      }
      o.put("hex", c.hex());
      ArrayNode lab = o.putArray("lab");
      for (double v : c.lab()) {
        lab.add(Math.round(v * 1000) / 1000.0);
      }
      return o;
    }
  }
}
