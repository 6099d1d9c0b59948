package org.hpo4j.ml.cnn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Map;
import java.util.Random;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.Metric;
import org.hpo4j.ml.ModelObjective;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.Splits;
import org.hpo4j.ml.data.Task;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.ml.space.Suggester;

/**
 * Tunes a small CNN ({@link CnnArchitecture}) on square images with DJL's PyTorch engine on the
 * CPU: trains on a stratified training split for a few epochs, reports validation accuracy after
 * each epoch and returns the last one. The parameter count is set as user attribute
 * {@code param_count} and returned by {@link #evaluateWithSize}, for accuracy-versus-size studies.
 *
 * <p>Pixels are scaled by the largest absolute feature of the dataset (16 for digits, 255 for
 * MNIST). Nothing is downloaded: the engine loads from the native jar on the class path (run with
 * {@code -Dai.djl.offline=true}).
 *
 * <p>Thread-safe. Weight initialisation is seeded through the engine's global seed, so results are
 * reproducible only when evaluations do not run concurrently.
 */
public final class CnnObjective implements ModelObjective {
  private static final String ENGINE = "PyTorch";
  private static final int EVAL_BATCH = 512;
  private final Dataset data;
  private final SearchSpace space;
  private final CnnSettings settings;
  private final Splits.TrainValidTest split;
  private final int[] trainRows;
  private final int side;
  private final float[] pixels;

  /**
   * @throws IllegalArgumentException if the dataset is not classification, has missing values, or
   *     its rows are not {@code channels x side x side} images
   */
  public CnnObjective(Dataset data, SearchSpace space, CnnSettings settings) {
    if (data.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException(
          "model 'cnn' needs a classification dataset, but " + data.name() + " is regression");
    }
    if (data.hasMissing()) {
      throw new IllegalArgumentException(
          "model 'cnn' needs complete images, but " + data.name() + " has missing values");
    }
    int perChannel = data.cols() / settings.channels();
    int s = (int) Math.round(Math.sqrt(perChannel));
    if (perChannel * settings.channels() != data.cols() || s * s != perChannel) {
      throw new IllegalArgumentException(String.format(
          "model 'cnn' needs channels x side x side pixels per row, but %s has %d features for "
              + "%d channel(s)", data.name(), data.cols(), settings.channels()));
    }
    this.data = data;
    this.space = space;
    this.settings = settings;
    this.side = s;
    this.split = Splits.trainValidTest(data, settings.validFraction(), settings.testFraction(),
        settings.seed());
    this.trainRows = cap(split.train(), settings.maxTrainRows(), settings.seed());
    int[] all = new int[data.rows()];
    java.util.Arrays.setAll(all, i -> i);
    this.pixels = data.features(all);
    float scale = data.maxAbsFeature();
    if (scale > 0) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] /= scale;
      }
    }
    configureThreads(settings.threads());
  }

  private static int[] cap(int[] rows, int max, long seed) {
    if (max == 0 || rows.length <= max) {
      return rows;
    }
    int[] a = rows.clone();
    Random r = new Random(seed);
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(a, max);
    java.util.Arrays.sort(out);
    return out;
  }

  /** Sets PyTorch's thread counts unless the user did; only effective before the engine loads. */
  private static void configureThreads(int threads) {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  @Override
  public Metric metric() {
    return Metric.ACCURACY;
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public Dataset dataset() {
    return data;
  }

  /** Side of the square input images. */
  public int imageSide() {
    return side;
  }

  @Override
  public double evaluate(Suggester suggester) {
    return train(suggester, trainRows, split.valid(), true).accuracy();
  }

  /**
   * Like {@link #evaluate} but also returns the model size: {@code {accuracy, parameterCount}}, to
   * maximise the first and minimise the second.
   */
  public double[] evaluateWithSize(Suggester suggester) {
    Result r = train(suggester, trainRows, split.valid(), true);
    return new double[] {r.accuracy(), r.parameters()};
  }

  @Override
  public HoldoutScore holdout(Map<String, ?> params) {
    int[] test = split.test();
    if (test.length == 0) {
      throw new IllegalStateException("holdout needs test_fraction > 0, but it is 0");
    }
    int[] fit = split.trainAndValid();
    Result r = train(Suggester.fixed(params), fit, test, false);
    return new HoldoutScore(Metric.ACCURACY, r.accuracy(), fit.length, test.length,
        Map.of("param_count", r.parameters(), "epochs", settings.epochs(), "network", r.summary()));
  }

  /** Outcome of one training run. */
  record Result(double accuracy, long parameters, String summary) {}

  Result train(Suggester s, int[] fitRows, int[] scoreRows, boolean report) {
    CnnArchitecture.Network net =
        CnnArchitecture.build(space, s, settings.channels(), side, data.classCount());
    int batch = space.suggestInt(s, "batch_size");
    Optimizer optimizer = optimizer(s);
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer)
            .optDevices(new Device[] {Device.cpu()});
    try (Model model = Model.newInstance("cnn", Device.cpu(), ENGINE)) {
      model.setBlock(net.block());
      Trainer trainer;
      synchronized (CnnObjective.class) {
        Engine.getEngine(ENGINE).setRandomSeed((int) settings.seed());
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, settings.channels(), side, side));
      }
      try (trainer) {
        long params = countParameters(net);
        s.setUserAttr("param_count", params);
        s.setUserAttr("network", net.summary());
        Random random = new Random(settings.seed());
        double accuracy = Double.NaN;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
          trainEpoch(trainer, fitRows, batch, random, epoch);
          accuracy = accuracy(trainer, scoreRows);
          if (report) {
            s.report(epoch, accuracy);
            if (epoch < settings.epochs() && s.shouldPrune()) {
              throw s.prune();
            }
          }
        }
        return new Result(accuracy, params, net.summary());
      }
    }
  }

  private Optimizer optimizer(Suggester s) {
    String name = space.suggestString(s, "optimizer");
    float lr = (float) space.suggestDouble(s, "learning_rate");
    if (name.equals("sgd")) {
      float momentum = (float) space.suggestDouble(s, "momentum");
      return new MomentumSgd(lr, momentum);
    }
    float beta1 = (float) space.suggestDouble(s, "beta1");
    float beta2 = (float) space.suggestDouble(s, "beta2");
    return Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).optBeta1(beta1)
        .optBeta2(beta2).build();
  }

  private static long countParameters(CnnArchitecture.Network net) {
    long n = 0;
    for (Pair<String, Parameter> p : net.block().getParameters()) {
      if (p.getValue().isInitialized() && p.getValue().requiresGradient()) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  private void trainEpoch(Trainer trainer, int[] rows, int batch, Random random, int epoch) {
    int[] order = rows.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double lossSum = 0;
    int batches = 0;
    for (int start = 0; start < order.length; start += batch) {
      int n = Math.min(batch, order.length - start);
      if (n < 2 && batches > 0) {
        break; // batch norm cannot train on a single row
      }
      try (NDManager bm = trainer.getManager().newSubManager()) {
        NDArray x = bm.create(images(order, start, n), new Shape(n, settings.channels(), side, side));
        NDArray y = bm.create(labels(order, start, n));
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDList pred = trainer.forward(new NDList(x));
          NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
          gc.backward(loss);
          lossSum += loss.getFloat();
        }
        trainer.step();
      }
      batches++;
    }
    if (!Double.isFinite(lossSum)) {
      throw new ArithmeticException("CNN training produced a non-finite loss in epoch " + epoch
          + ": the configuration diverged, or this is the known intermittent DJL/PyTorch failure "
          + "after several trainings in one JVM (replaying these parameters in a fresh JVM tells)");
    }
  }

  private double accuracy(Trainer trainer, int[] rows) {
    int hits = 0;
    for (int start = 0; start < rows.length; start += EVAL_BATCH) {
      int n = Math.min(EVAL_BATCH, rows.length - start);
      try (NDManager bm = trainer.getManager().newSubManager()) {
        NDArray x = bm.create(images(rows, start, n), new Shape(n, settings.channels(), side, side));
        NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
        long[] predicted = logits.argMax(1).toLongArray();
        for (int i = 0; i < n; i++) {
          hits += predicted[i] == (long) data.target(rows[start + i]) ? 1 : 0;
        }
      }
    }
    return hits / (double) rows.length;
  }

  private float[] images(int[] rows, int start, int n) {
    int cols = data.cols();
    float[] out = new float[n * cols];
    for (int i = 0; i < n; i++) {
      System.arraycopy(pixels, rows[start + i] * cols, out, i * cols, cols);
    }
    return out;
  }

  private float[] labels(int[] rows, int start, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = data.target(rows[start + i]);
    }
    return out;
  }
}
