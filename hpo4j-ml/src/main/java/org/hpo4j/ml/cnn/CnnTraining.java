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
import java.util.Random;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.Trial;

/**
 * Trains one CNN configuration with DJL's PyTorch engine in the current JVM: the network of {@link
 * CnnArchitecture}, softmax cross-entropy, SGD with momentum or Adam (DJL's fused optimizers, which
 * also reset the gradients after each step), and the accuracy on the scored rows after every epoch.
 *
 * <p>A non-finite training loss or non-finite logits end the run with an {@link
 * ArithmeticException} (the trial fails and says so) rather than a chance-level accuracy.
 *
 * <p>Runs inside {@link CnnObjective} or, one training per process, in {@link CnnTrialMain}; see
 * {@link CnnObjective} for why the latter is the default. Stateless; one call trains one model.
 */
final class CnnTraining {
  private static final String ENGINE = "PyTorch";
  private static final int EVAL_BATCH = 512;

  private CnnTraining() {}

  /**
   * Scaled images and their labels.
   *
   * @param pixels rows x channels x side x side values, row-major
   * @param labels class index per row
   */
  record Images(float[] pixels, int[] labels, int channels, int side, int classes) {
    int cols() {
      return channels * side * side;
    }
  }

  /** Outcome of one training run. */
  record Result(double accuracy, long parameters, String summary) {}

  /** Hears about a run; may throw to stop it (e.g. when the trial is pruned). */
  interface Progress {
    /** The network is built and initialised. */
    void started(long parameters, String summary);

    /** The scored accuracy after {@code epoch} (1-based). */
    void epoch(int epoch, double accuracy);
  }

  /**
   * Trains on {@code fitRows} for {@code epochs} epochs and scores {@code scoreRows} after each.
   *
   * @throws ArithmeticException if the loss or the logits become non-finite
   */
  static Result run(
      Images data,
      SearchSpace space,
      Trial s,
      int[] fitRows,
      int[] scoreRows,
      int epochs,
      long seed,
      Progress progress) {
    CnnArchitecture.Network net =
        CnnArchitecture.build(space, s, data.channels(), data.side(), data.classes());
    int batch = space.suggestInt(s, "batch_size");
    Optimizer optimizer = optimizer(space, s, epochs * ((fitRows.length + batch - 1) / batch));
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(optimizer)
            .optDevices(new Device[] {Device.cpu()});
    try (Model model = Model.newInstance("cnn", Device.cpu(), ENGINE)) {
      model.setBlock(net.block());
      Trainer trainer;
      synchronized (CnnTraining.class) {
        Engine.getEngine(ENGINE).setRandomSeed((int) seed);
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, data.channels(), data.side(), data.side()));
      }
      try (trainer) {
        long params = countParameters(net);
        progress.started(params, net.summary());
        Random random = new Random(seed);
        double accuracy = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
          trainEpoch(trainer, data, fitRows, batch, random, epoch);
          accuracy = accuracy(trainer, data, scoreRows, epoch);
          progress.epoch(epoch, accuracy);
        }
        return new Result(accuracy, params, net.summary());
      }
    }
  }

  /**
   * Asks {@code s} for every parameter a training of these images would ask for, in the same order,
   * without building anything native.
   */
  static void draw(SearchSpace space, Trial s, Images data) {
    CnnArchitecture.build(space, s, data.channels(), data.side(), data.classes());
    space.suggestInt(s, "batch_size");
    optimizer(space, s, 1);
  }

  /**
   * @param updates optimizer steps the whole training takes, for the schedule
   */
  private static Optimizer optimizer(SearchSpace space, Trial s, int updates) {
    String name = space.suggestString(s, "optimizer");
    float lr = (float) space.suggestDouble(s, "learning_rate");
    Tracker rate = learningRate(space.suggestString(s, "lr_schedule"), lr, updates);
    if (name.equals("sgd")) {
      float momentum = (float) space.suggestDouble(s, "momentum");
      return Optimizer.sgd().setLearningRateTracker(rate).optMomentum(momentum).build();
    }
    float beta1 = (float) space.suggestDouble(s, "beta1");
    float beta2 = (float) space.suggestDouble(s, "beta2");
    return Optimizer.adam().optLearningRateTracker(rate).optBeta1(beta1).optBeta2(beta2).build();
  }

  /**
   * The learning rate by update number (DJL counts a parameter's updates from 1): {@code lr}
   * throughout for {@code constant}; for {@code cosine}, {@code lr * (1 + cos(pi * t / updates)) /
   * 2}, reaching 0 at the last update.
   */
  static Tracker learningRate(String schedule, float lr, int updates) {
    return switch (schedule) {
      case "constant" -> Tracker.fixed(lr);
      case "cosine" ->
          Tracker.cosine()
              .setBaseValue(lr)
              .optFinalValue(0f)
              .setMaxUpdates(Math.max(1, updates))
              .build();
      default ->
          throw new IllegalArgumentException(
              "'lr_schedule' must be one of [constant, cosine], but got '" + schedule + "'");
    };
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

  private static void trainEpoch(
      Trainer trainer, Images data, int[] rows, int batch, Random random, int epoch) {
    int[] order = rows.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int batches = 0;
    for (int start = 0; start < order.length; start += batch) {
      int n = Math.min(batch, order.length - start);
      if (n < 2 && batches > 0) {
        break; // batch norm cannot train on a single row
      }
      try (NDManager bm = trainer.getManager().newSubManager()) {
        NDArray x = bm.create(images(data, order, start, n), shape(data, n));
        NDArray y = bm.create(labels(data, order, start, n));
        float loss;
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDList pred = trainer.forward(new NDList(x));
          NDArray l = trainer.getLoss().evaluate(new NDList(y), pred);
          gc.backward(l);
          loss = l.getFloat();
        }
        if (!Float.isFinite(loss)) {
          throw new ArithmeticException(
              String.format(
                  "CNN training diverged: non-finite loss "
                      + "(%s) in epoch %d, batch %d; a smaller learning_rate may train",
                  loss, epoch, batches + 1));
        }
        trainer.step();
      }
      batches++;
    }
  }

  private static double accuracy(Trainer trainer, Images data, int[] rows, int epoch) {
    int hits = 0;
    for (int start = 0; start < rows.length; start += EVAL_BATCH) {
      int n = Math.min(EVAL_BATCH, rows.length - start);
      try (NDManager bm = trainer.getManager().newSubManager()) {
        NDArray x = bm.create(images(data, rows, start, n), shape(data, n));
        NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
        if (logits.isNaN().any().getBoolean() || logits.isInfinite().any().getBoolean()) {
          throw new ArithmeticException(
              "CNN training diverged: non-finite outputs when scoring " + "after epoch " + epoch);
        }
        long[] predicted = logits.argMax(1).toLongArray();
        for (int i = 0; i < n; i++) {
          hits += predicted[i] == data.labels()[rows[start + i]] ? 1 : 0;
        }
      }
    }
    return hits / (double) rows.length;
  }

  private static Shape shape(Images data, int n) {
    return new Shape(n, data.channels(), data.side(), data.side());
  }

  private static float[] images(Images data, int[] rows, int start, int n) {
    int cols = data.cols();
    float[] out = new float[n * cols];
    for (int i = 0; i < n; i++) {
      System.arraycopy(data.pixels(), rows[start + i] * cols, out, i * cols, cols);
    }
    return out;
  }

  private static float[] labels(Images data, int[] rows, int start, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = data.labels()[rows[start + i]];
    }
    return out;
  }
}
