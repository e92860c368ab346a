package dev.knead.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knead.app.door.JsonDocument;
import dev.knead.core.Version;
import dev.knead.core.data.words.AnalogyPlane;
import dev.knead.core.data.words.AnalogySet;
import dev.knead.core.data.words.WordVectorText;
import dev.knead.core.data.words.WordVectors;
import dev.knead.core.io.Json;
import dev.knead.core.io.Provenance;
import dev.knead.render.FigureOptions;
import dev.knead.render.Images;
import dev.knead.render.figure.AnalogyFigure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code knead words}: word arithmetic, nearest words and the analogy test on word vectors. */
@Command(name = "words", mixinStandardHelpOptions = true,
    description = "Word vectors: arithmetic (king − man + woman), nearest words, the analogy test. "
        + "The shipped vectors are GloVe 6B 100-d's 10,000 most frequent words (Pennington, Socher & Manning 2014, PDDL 1.0).",
    subcommands = {WordsCommand.Analogy.class, WordsCommand.Near.class, WordsCommand.Test.class})
public final class WordsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return KneadCommand.OK;
  }

  /** The options every words command shares. */
  static final class Shared {
    @Option(names = "--vectors", paramLabel = "FILE",
        description = "Your own word vectors (GloVe or word2vec text: 'word x1 … xd' a line; word2vec's 'n d' header optional).")
    Path vectors;

    @Option(names = "--json", description = "One JSON document on stdout (see docs/cli.md).")
    boolean json;

    WordVectors load() {
      return vectors == null ? WordVectors.shipped() : WordVectorText.read(vectors);
    }
  }

  static Provenance provenance(WordVectors v) {
    return new Provenance(Version.KNEAD, Optional.empty(), Map.of(), Optional.of(v.hash()));
  }

  static ObjectNode neighbour(WordVectors.Neighbour n) {
    ObjectNode o = Json.object();
    o.put("word", n.word());
    o.set("cosine", Json.num(n.cosine()));
    o.put("rank", n.rank());
    return o;
  }

  static ObjectNode vectorsJson(WordVectors v) {
    ObjectNode o = Json.object();
    o.put("source", v.source());
    o.put("words", v.size());
    o.put("dim", v.dim());
    return o;
  }

  /** {@code knead words analogy A B C}: A − B + C. */
  @Command(name = "analogy", mixinStandardHelpOptions = true,
      description = "Word arithmetic A − B + C (king man woman → queen): the words whose unit vectors have the largest cosine "
          + "with Â − B̂ + Ĉ, the three question words excluded as the standard analogy protocol does (Mikolov et al. 2013).")
  static final class Analogy implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Shared shared;

    @Parameters(index = "0", paramLabel = "A") String a;

    @Parameters(index = "1", paramLabel = "B") String b;

    @Parameters(index = "2", paramLabel = "C") String c;

    @Option(names = "-k", paramLabel = "N", defaultValue = "5", description = "How many answers (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--out", paramLabel = "FILE", description = "Also draw the analogy's parallelogram (.png or .svg).")
    Path out;

    @Override
    public Integer call() {
      if (out != null) {
        FigureArgs.checkOut(out, Set.of("png", "svg"), "");
      }
      WordVectors v = shared.load();
      WordVectors.Analogy an = v.analogy(a, b, c, k);
      WordVectors.Neighbour best = an.best();
      if (out != null) {
        AnalogyPlane plane = AnalogyPlane.of(v, a, b, c, an.answers().stream().map(WordVectors.Neighbour::word).toList());
        String title = a + " − " + b + " + " + c + " = " + best.word() + String.format(Locale.ROOT, " (cosine %.3f)", best.cosine());
        Images.write(new AnalogyFigure(plane, title, FigureOptions.of(900, 700).palette()), FigureOptions.of(900, 700).withScale(2),
            provenance(v), out);
      }
      PrintWriter o = spec.commandLine().getOut();
      if (shared.json) {
        ObjectNode doc = Json.object();
        doc.put("a", a).put("b", b).put("c", c);
        doc.put("protocol", "3CosAdd on unit vectors, question words excluded");
        doc.set("vectors", vectorsJson(v));
        doc.set("best", neighbour(best));
        ArrayNode answers = doc.putArray("answers");
        an.answers().forEach(n -> answers.add(neighbour(n)));
        if (out != null) {
          doc.set("files", Written.files(out));
        }
        JsonDocument.print(o, doc, provenance(v));
        return KneadCommand.OK;
      }
      o.printf(Locale.ROOT, "%s − %s + %s = %s  (cosine %.4f, rank 1 of %d candidates; %s, %s and %s excluded, as the standard "
          + "analogy protocol does)%n", a, b, c, best.word(), best.cosine(), v.size() - Set.of(a, b, c).size(), a, b, c);
      for (WordVectors.Neighbour n : an.answers()) {
        o.printf(Locale.ROOT, "  %2d  %-20s %.4f%n", n.rank(), n.word(), n.cosine());
      }
      o.println("  vectors: " + v.source() + " (" + v.size() + " words × " + v.dim() + ")");
      if (out != null) {
        o.println("wrote " + out);
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead words near WORD}. */
  @Command(name = "near", mixinStandardHelpOptions = true, description = "The words nearest to WORD by cosine, WORD itself left out.")
  static final class Near implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Shared shared;

    @Parameters(paramLabel = "WORD") String word;

    @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "How many words (default ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
      WordVectors v = shared.load();
      List<WordVectors.Neighbour> near = v.nearest(word, k);
      PrintWriter o = spec.commandLine().getOut();
      if (shared.json) {
        ObjectNode doc = Json.object();
        doc.put("word", word);
        doc.set("vectors", vectorsJson(v));
        ArrayNode a = doc.putArray("nearest");
        near.forEach(n -> a.add(neighbour(n)));
        JsonDocument.print(o, doc, provenance(v));
        return KneadCommand.OK;
      }
      o.println("nearest to " + word + " (cosine; " + v.source() + "):");
      for (WordVectors.Neighbour n : near) {
        o.printf(Locale.ROOT, "  %2d  %-20s %.4f%n", n.rank(), n.word(), n.cosine());
      }
      return KneadCommand.OK;
    }
  }

  /** {@code knead words test}. */
  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Knead's own analogy questions (capitals, genders, comparatives, tenses; every ordered pair of 12 pairs: "
          + "132 a category): accuracy per category, by the same protocol as 'analogy'.")
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Shared shared;

    @Option(names = "--wrong", description = "List the questions answered wrongly.")
    boolean wrong;

    @Override
    public Integer call() {
      WordVectors v = shared.load();
      List<AnalogySet.Score> scores = AnalogySet.shipped().score(v);
      PrintWriter o = spec.commandLine().getOut();
      int right = scores.stream().mapToInt(AnalogySet.Score::right).sum();
      int asked = scores.stream().mapToInt(AnalogySet.Score::asked).sum();
      if (shared.json) {
        ObjectNode doc = Json.object();
        doc.set("vectors", vectorsJson(v));
        doc.put("protocol", "3CosAdd on unit vectors, question words excluded");
        ArrayNode cats = doc.putArray("categories");
        for (AnalogySet.Score s : scores) {
          ObjectNode c = cats.addObject();
          c.put("category", s.category()).put("right", s.right()).put("asked", s.asked()).put("skipped", s.skipped());
          c.set("accuracy", Json.num(s.accuracy()));
          if (wrong) {
            ArrayNode w = c.putArray("wrong");
            s.wrong().forEach(q -> w.add(q.given().from() + " " + q.given().to() + " " + q.asked().from() + " " + q.asked().to()));
          }
        }
        doc.put("right", right).put("asked", asked);
        doc.set("accuracy", Json.num(asked == 0 ? Double.NaN : (double) right / asked));
        JsonDocument.print(o, doc, provenance(v));
        return KneadCommand.OK;
      }
      o.println("analogy test on " + v.source() + " (x1 : y1 :: x2 : ?, answered by y1 − x1 + x2, question words excluded)");
      for (AnalogySet.Score s : scores) {
        o.printf(Locale.ROOT, "  %-13s %3d / %3d  %5.1f %%%s%n", s.category(), s.right(), s.asked(), 100 * s.accuracy(),
            s.skipped() > 0 ? "  (" + s.skipped() + " skipped: a word is not among the vectors)" : "");
        if (wrong) {
          s.wrong().forEach(q -> o.println("      wrong: " + q.given().from() + " : " + q.given().to() + " :: " + q.asked().from()
              + " : ? (expected " + q.asked().to() + ", got " + v.analogy(q.given().to(), q.given().from(), q.asked().from(), 1)
              .best().word() + ")"));
        }
      }
      o.printf(Locale.ROOT, "  %-13s %3d / %3d  %5.1f %%%n", "all", right, asked, asked == 0 ? Double.NaN : 100.0 * right / asked);
      return KneadCommand.OK;
    }
  }
}
