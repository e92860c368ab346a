package dev.knead.app.cli;

import dev.knead.core.BadInputException;
import dev.knead.core.Version;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code knead}: the top of the command line. Exit codes are a contract: 0 success, 2 bad usage
 * or bad input (one line on stderr), 1 internal error.
 */
@Command(
    name = "knead",
    mixinStandardHelpOptions = true,
    versionProvider = KneadCommand.VersionProvider.class,
    description = "Train neural networks and watch, measure and explain how each layer kneads space.",
    subcommands = {LabCommand.class, DatasetsCommand.class, TrainCommand.class, TraceCommand.class, ExplainCommand.class,
      TopologyCommand.class, RenderCommand.class, AnimateCommand.class, GalleryCommand.class, ExperimentCommand.class,
      SweepCommand.class, SchemaCommand.class, WordsCommand.class, ColoursCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class KneadCommand implements Callable<Integer> {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  /** Without a command: start the lab with its defaults ({@code knead lab}). */
  @Override
  public Integer call() throws Exception {
    LabCommand lab = new LabCommand();
    lab.spec = spec.subcommands().get("lab").getCommandSpec();
    return lab.call();
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(new KneadCommand(), args, out, err);
  }

  /**
   * Runs a command line rooted at {@code command} with knead's exit codes and error lines (the
   * bench module's {@code knead bench} uses it too).
   */
  public static int run(Object command, String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(command);
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    cl.setOut(o);
    cl.setErr(e);
    cl.setParameterExceptionHandler((ex, a) -> {
      e.println("knead: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
      e.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parse) -> {
      if (ex instanceof BadInputException) {
        e.println("knead: " + ex.getMessage());
        return BAD_INPUT;
      }
      if (ex instanceof UncheckedIOException io) {
        e.println("knead: " + io.getMessage());
        return INTERNAL;
      }
      e.println("knead: internal error: " + ex + (System.getenv("KNEAD_DEBUG") == null ? " (set KNEAD_DEBUG=1 for details)" : ""));
      if (System.getenv("KNEAD_DEBUG") != null) {
        ex.printStackTrace(e);
      }
      return INTERNAL;
    });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError oom) {
      // a big data set on a small default heap: say what to do, not a stack trace
      e.println("knead: out of memory (Java may use at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB here): give it more with KNEAD_JAVA_OPTS=-Xmx4g, or use fewer points (e.g. --set train=10000)");
      if (System.getenv("KNEAD_DEBUG") != null) {
        oom.printStackTrace(e);
      }
      code = INTERNAL;
    }
    o.flush();
    e.flush();
    return code;
  }

  /** Prints the version. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"knead " + Version.KNEAD + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}
