package org.hpo4j.ml.cnn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.Metric;
import org.hpo4j.ml.ModelObjective;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.Splits;
import org.hpo4j.ml.data.Task;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.trial.FixedTrial;
import org.hpo4j.trial.Trial;
import org.hpo4j.trial.TrialPrunedException;

/**
 * Tunes a small CNN ({@link CnnArchitecture}) on square images with DJL's PyTorch engine on the
 * CPU: trains on a stratified training split for a few epochs, reports validation accuracy after
 * each epoch and returns the last one. The parameter count is set as user attribute {@code
 * param_count} and returned by {@link #evaluateWithSize}, for accuracy-versus-size studies.
 *
 * <p>Each evaluation trains in a child JVM by default ({@link CnnSettings#isolated()}): the
 * parameters are drawn here, from the study's trial, and the child ({@link CnnTrialMain}) replays
 * them, reporting every epoch back so that pruners can stop it. Why: with DJL 0.36 / PyTorch 2.7.1
 * on this machine some native kernels multiply memory they never wrote by zero, and left-over bytes
 * that spell NaN poisoned a training now and then; the child's heap is filled with finite bytes
 * ({@link CnnProcess}, docs/ml/cnn-nan.md). An isolated evaluation whose training still turns
 * non-finite is retried in new processes with the same parameters and seed, {@value #ATTEMPTS}
 * trainings in all (attribute {@code cnn_attempts}), and the trial fails only if every one does. A
 * process per training also isolates native crashes.
 *
 * <p>Pixels are scaled by the largest absolute feature of the dataset (16 for digits, 255 for
 * MNIST). Nothing is downloaded: the engine loads from the native jar on the class path (run with
 * {@code -Dai.djl.offline=true}).
 *
 * <p>Thread-safe. Weight initialisation is seeded through the engine's seed, once per process, so
 * isolated evaluations are reproducible also when they run concurrently.
 */
public final class CnnObjective implements ModelObjective {
  private final Dataset data;
  private final SearchSpace space;
  private final CnnSettings settings;
  private final Splits.TrainValidTest split;
  private final int[] trainRows;
  private final int side;
  private final CnnTraining.Images images;
  private final CnnProcess process;

  /** Trainings per isolated evaluation before a non-finite loss counts as divergence. */
  static final int ATTEMPTS = 5;

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
      throw new IllegalArgumentException(
          String.format(
              "model 'cnn' needs channels x side x side pixels per row, but %s has %d features for "
                  + "%d channel(s)",
              data.name(), data.cols(), settings.channels()));
    }
    this.data = data;
    this.space = space;
    this.settings = settings;
    this.side = s;
    this.split =
        Splits.trainValidTest(
            data, settings.validFraction(), settings.testFraction(), settings.seed());
    this.trainRows = cap(split.train(), settings.maxTrainRows(), settings.seed());
    int[] all = new int[data.rows()];
    Arrays.setAll(all, i -> i);
    float[] pixels = data.features(all);
    float scale = data.maxAbsFeature();
    if (scale > 0) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] /= scale;
      }
    }
    int[] labels = new int[data.rows()];
    Arrays.setAll(labels, i -> (int) data.target(i));
    this.images = new CnnTraining.Images(pixels, labels, settings.channels(), s, data.classCount());
    this.process = new CnnProcess(images, settings.threads());
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
    int[] out = Arrays.copyOf(a, max);
    Arrays.sort(out);
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

  /** How this objective trains. */
  public CnnSettings settings() {
    return settings;
  }

  @Override
  public double evaluate(Trial trial) {
    return train(trial, trainRows, split.valid(), true).accuracy();
  }

  /**
   * Like {@link #evaluate} but also returns the model size: {@code {accuracy, parameterCount}}, to
   * maximise the first and minimise the second.
   */
  public double[] evaluateWithSize(Trial trial) {
    CnnTraining.Result r = train(trial, trainRows, split.valid(), true);
    return new double[] {r.accuracy(), r.parameters()};
  }

  @Override
  public HoldoutScore holdout(Map<String, ?> params) {
    int[] test = split.test();
    if (test.length == 0) {
      throw new IllegalStateException("holdout needs test_fraction > 0, but it is 0");
    }
    int[] fit = split.trainAndValid();
    CnnTraining.Result r = train(FixedTrial.of(params), fit, test, false);
    return new HoldoutScore(
        Metric.ACCURACY,
        r.accuracy(),
        fit.length,
        test.length,
        Map.of("param_count", r.parameters(), "epochs", settings.epochs(), "network", r.summary()));
  }

  CnnTraining.Result train(Trial s, int[] fitRows, int[] scoreRows, boolean report) {
    int[] reported = {0};
    CnnTraining.Progress progress =
        new CnnTraining.Progress() {
          @Override
          public void started(long parameters, String summary) {
            s.setUserAttr("param_count", parameters);
            s.setUserAttr("network", summary);
          }

          @Override
          public void epoch(int epoch, double accuracy) {
            if (report && epoch > reported[0]) { // a retry replays the epochs already reported
              reported[0] = epoch;
              s.report(epoch, accuracy);
              if (epoch < settings.epochs() && s.shouldPrune()) {
                throw new TrialPrunedException();
              }
            }
          }
        };
    if (!settings.isolated()) {
      return CnnTraining.run(
          images, space, s, fitRows, scoreRows, settings.epochs(), settings.seed(), progress);
    }
    Map<String, Object> params = draw(s);
    for (int attempt = 1; ; attempt++) {
      try {
        CnnTraining.Result r =
            process.run(
                params, fitRows, scoreRows, settings.epochs(), settings.seed(), report, progress);
        if (attempt > 1) {
          s.setUserAttr("cnn_attempts", attempt);
        }
        return r;
      } catch (ArithmeticException e) {
        if (attempt == ATTEMPTS) {
          throw new ArithmeticException(
              e.getMessage()
                  + " (in each of "
                  + ATTEMPTS
                  + " fresh processes: a diverging configuration, or the native fault described in "
                  + "CnnObjective)");
        }
      }
    }
  }

  /** Draws this trial's parameters here, as the in-process training would, for the child. */
  private Map<String, Object> draw(Trial trial) {
    CnnTraining.draw(space, trial, images);
    Map<String, Object> values = new LinkedHashMap<>(trial.params());
    for (String name : space.names()) {
      space.fixedValue(name).ifPresent(v -> values.putIfAbsent(name, v));
    }
    return values;
  }
}
