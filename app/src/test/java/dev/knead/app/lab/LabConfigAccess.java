package dev.knead.app.lab;

import dev.knead.core.io.Json;
import dev.knead.core.train.TrainConfig;

/** Lets tests outside the package read the lab's default request. */
public final class LabConfigAccess {
  private LabConfigAccess() {}

  /** @return the training config of an empty run request */
  public static TrainConfig defaults() {
    return LabConfig.read(Json.object()).config().train();
  }
}
