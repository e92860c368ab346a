package dev.knead.app;

import dev.knead.app.cli.KneadCommand;

/** The {@code knead} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KneadCommand.run(args, System.out, System.err));
  }
}
