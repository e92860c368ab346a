package dev.knead.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knead.core.BadInputException;
import dev.knead.core.data.DataExport;
import dev.knead.core.data.Datasets;
import dev.knead.core.net.Network;
import dev.knead.core.run.DataSpec;
import dev.knead.core.run.ExperimentConfig;
import dev.knead.core.run.Run;
import dev.knead.core.run.Runs;
import dev.knead.core.train.TrainConfig;
import dev.knead.core.train.TrainListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {
  static ExperimentConfig small() {
    TrainConfig t = TrainConfig.defaults(List.of(3)).withEpochs(40).withSeed(7);
    return new ExperimentConfig(new DataSpec("disk-annulus", Map.of("points", "60"), 3, 0.25, Optional.empty()), t);
  }

  @Test
  void aRunSurvivesTheRoundTripBitForBit(@TempDir Path dir) throws IOException {
    Run run = Runs.execute(small(), TrainListener.NONE);
    RunFile.save(run, dir);
    Run back = RunFile.load(dir);
    assertThat(back.network()).isEqualTo(run.network());
    assertThat(back.config()).isEqualTo(run.config());
    assertThat(back.result().history()).isEqualTo(run.result().history());
    assertThat(back.result().snapshots()).isEqualTo(run.result().snapshots());
    assertThat(back.result().trainAccuracy()).isEqualTo(run.result().trainAccuracy());
    assertThat(back.data().hash()).isEqualTo(run.data().hash());
    assertThat(back.split().test().hash()).isEqualTo(run.split().test().hash());
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("run.json");
  }

  @Test
  void aFileRunKeepsACopyOfItsData(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("mine.csv");
    DataExport.writeCsv(Datasets.generate("xor", Map.of("points", "30"), 1), csv);
    ExperimentConfig c = new ExperimentConfig(new DataSpec(csv.toString(), Map.of(), 1, 0.2, Optional.empty()),
        TrainConfig.defaults(List.of(4)).withEpochs(20));
    Run run = Runs.execute(c, TrainListener.NONE);
    Path out = dir.resolve("run");
    RunFile.save(run, out);
    Files.delete(csv); // the folder must stand alone
    Run back = RunFile.load(out.resolve("run.json"));
    assertThat(back.network()).isEqualTo(run.network());
    assertThat(back.data().points()).isEqualTo(run.data().points());
  }

  /** A version-1 file written by Knead 0.1.0 must keep loading with the same numbers. */
  @Test
  void goldenVersionOneFileLoads() throws IOException {
    Path golden = Path.of("src/test/resources/golden/run-v1.json");
    if (Boolean.getBoolean("knead.writeGolden")) {
      RunFile.save(Runs.execute(small(), TrainListener.NONE), golden.getParent());
      Files.move(golden.getParent().resolve("run.json"), golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Run run = RunFile.load(golden);
    assertThat(run.version()).isEqualTo("0.1.0");
    assertThat(run.config()).isEqualTo(small());
    assertThat(run.result().epochs()).isEqualTo(40);
    Network net = run.network();
    // the stored accuracy is what the stored network really scores on the regenerated data
    int right = 0;
    for (int i = 0; i < run.split().train().size(); i++) {
      right += net.predict(run.split().train().points().row(i)) == run.split().train().label(i) ? 1 : 0;
    }
    assertThat(right / (double) run.split().train().size()).isEqualTo(run.result().trainAccuracy());
    // and retraining with today's code gives the same bits
    assertThat(Runs.execute(small(), TrainListener.NONE).network()).isEqualTo(net);
  }

  @Test
  void brokenFilesGetOneClearLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("run.json");
    Files.writeString(f, "{\"format\": \"knead-run\", \"version\": 99}");
    assertThatThrownBy(() -> RunFile.load(f)).isInstanceOf(BadInputException.class).hasMessageContaining("newer");
    Files.writeString(f, "{\"format\": \"something\"}");
    assertThatThrownBy(() -> RunFile.load(f)).isInstanceOf(BadInputException.class).hasMessageContaining("not a Knead run");
    Files.writeString(f, "{not json");
    assertThatThrownBy(() -> RunFile.load(f)).isInstanceOf(BadInputException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RunFile.load(dir.resolve("nothing"))).isInstanceOf(BadInputException.class).hasMessageContaining("no run here");
    String good = Json.write(RunFile.toJson(Runs.execute(small(), TrainListener.NONE)));
    Files.writeString(f, good.replaceFirst("\"activation\" : \"tanh\"", "\"activation\" : \"wobble\""));
    assertThatThrownBy(() -> RunFile.load(f)).isInstanceOf(BadInputException.class).hasMessageContaining("wobble");
    Files.writeString(f, good.replaceFirst("\"hash\" : \"[0-9a-f]+\"", "\"hash\" : \"00\""));
    assertThatThrownBy(() -> RunFile.load(f)).isInstanceOf(BadInputException.class).hasMessageContaining("hash");
  }
}
