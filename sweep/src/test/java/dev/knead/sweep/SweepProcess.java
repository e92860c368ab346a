package dev.knead.sweep;

import java.nio.file.Files;
import java.nio.file.Path;

/** A sweep in its own JVM, for LocalSweepTest to kill: args are the sweep file and the folder. */
public final class SweepProcess {
  private SweepProcess() {}

  public static void main(String[] args) throws Exception {
    Sweep s = SweepFile.parse(Files.readString(Path.of(args[0])), "killed.yaml");
    LocalSweep.run(s, Path.of(args[1]), 2, Integer.MAX_VALUE, SweepListener.NONE);
  }
}
