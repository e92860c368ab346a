package dev.knead.core;

/** Knead's version, written into every saved artefact. */
public final class Version {
  public static final String KNEAD = "0.1.0";

  private Version() {}
}
