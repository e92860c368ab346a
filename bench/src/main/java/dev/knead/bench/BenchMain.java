package dev.knead.bench;

import dev.knead.app.cli.KneadCommand;

/**
 * {@code knead bench}: the speed comparisons live in this module, not in the product jar (they
 * need PyTorch, matplotlib and ../shared). The {@code knead} script runs this class from
 * {@code bench/target/benchmarks.jar} when its first argument is {@code bench}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(KneadCommand.run(new BenchCommand(), args, System.out, System.err));
  }
}
