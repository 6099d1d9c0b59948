package org.hpo4j.ml.xgboost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
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
 * Tunes an XGBoost model by k-fold cross-validation on the tuning rows (all rows but a stratified
 * test share). The folds are boosted in lockstep, one round at a time; each fold stops early when
 * its validation loss has not improved for {@code early_stopping_rounds} and is scored at its best
 * round. Every {@code report_every} rounds the mean fold score so far is reported, so that a pruner
 * can stop a poor configuration after a few chunks.
 *
 * <p>The booster is a parameter ({@code booster}, gbtree unless the space tunes it; see {@link
 * XGBoostSpace}). For gblinear the features are standardized with statistics of the training rows
 * only (each fold's, and the refit's), and as XGBoost cannot predict a linear model at an earlier
 * round, each fold keeps its validation predictions of the best round instead.
 *
 * <p>Thread-safe: each evaluation builds its own matrices and boosters. An evaluation trains its
 * folds side by side on {@code nthread} threads, each booster single-threaded, so the value does
 * not depend on {@code nthread}.
 */
public final class XGBoostObjective implements ModelObjective {
  private static final ThreadFactory DAEMON =
      r -> {
        Thread t = new Thread(r, "xgboost-fold");
        t.setDaemon(true);
        return t;
      };
  private final Dataset data;
  private final SearchSpace space;
  private final XGBoostSettings settings;
  private final Splits.TrainValidTest split;
  private final List<Splits.Fold> folds;

  /**
   * @throws IllegalArgumentException if the metric does not fit the dataset or the tuning rows are
   *     too few for the folds
   */
  public XGBoostObjective(Dataset data, SearchSpace space, XGBoostSettings settings) {
    settings.metric().checkFits("metric", data.task(), data.classCount());
    this.data = data;
    this.space = space;
    this.settings = settings;
    this.split = Splits.trainValidTest(data, 0.0, settings.testFraction(), settings.seed());
    this.folds = Splits.stratifiedKFold(data, split.train(), settings.folds(), settings.seed());
  }

  @Override
  public Metric metric() {
    return settings.metric();
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public Dataset dataset() {
    return data;
  }

  /** Cross-validation result of one configuration. */
  record CvResult(double mean, double std, double meanBestRounds) {}

  @Override
  public double evaluate(Trial trial) throws XGBoostError {
    Config c = draw(trial);
    CvResult cv = crossValidate(c, trial);
    trial.setUserAttr("cv_std", cv.std());
    trial.setUserAttr("best_rounds", cv.meanBestRounds());
    return cv.mean();
  }

  @Override
  public HoldoutScore holdout(Map<String, ?> params) throws XGBoostError {
    int[] test = split.test();
    if (test.length == 0) {
      throw new IllegalStateException("holdout needs test_fraction > 0, but it is 0");
    }
    Config c = draw(FixedTrial.of(params));
    // the cross-validation only finds the number of rounds; its reports go nowhere
    CvResult cv = crossValidate(c, FixedTrial.of(Map.of()));
    int rounds = Math.max(1, (int) Math.round(cv.meanBestRounds()));
    int[] dev = split.train();
    float[][] features = trainValidFeatures(c, dev, test);
    DMatrix train = matrix(features[0], dev);
    DMatrix testMatrix = matrix(features[1], test);
    Booster booster = null;
    try {
      booster = XGBoost.train(train, c.params(), rounds, new HashMap<>(), null, null);
      float[][] predictions = booster.predict(testMatrix);
      float[] targets = data.targets(test);
      double score = metric().score(predictions, targets);
      Map<String, Object> details =
          new HashMap<>(
              Map.of(
                  "rounds",
                  rounds,
                  "cv_mean",
                  cv.mean(),
                  "cv_std",
                  cv.std(),
                  "booster",
                  c.booster()));
      if (data.task() == Task.CLASSIFICATION && metric() != Metric.ACCURACY) {
        // selection by log loss or AUC: accuracy is still what most readers compare
        details.put("test_accuracy", Metric.ACCURACY.score(predictions, targets));
      }
      return new HoldoutScore(metric(), score, dev.length, test.length, details);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      train.dispose();
      testMatrix.dispose();
    }
  }

  /** XGBoost parameters, the maximum number of rounds and the booster of one configuration. */
  record Config(Map<String, Object> params, int rounds, String booster) {
    /** True for gblinear: standardized features, no prediction at an earlier round. */
    boolean linear() {
      return booster.equals("gblinear");
    }
  }

  /**
   * Draws one configuration. The order of the suggestions is that of the paper's space, so that a
   * gbtree-only study is the same as before the booster became a parameter; a parameter whose
   * booster does not use it is never suggested.
   */
  Config draw(Trial s) {
    Map<String, Object> p = new HashMap<>();
    String booster = space.suggestString(s, "booster");
    if (!XGBoostSpace.BOOSTERS.contains(booster)) {
      throw new IllegalArgumentException(
          String.format(
              "'booster' must be one of %s, but got '%s'", XGBoostSpace.BOOSTERS, booster));
    }
    boolean trees = !booster.equals("gblinear");
    p.put("booster", booster);
    if (trees) {
      p.put("max_depth", space.suggestInt(s, "max_depth"));
    }
    p.put("eta", space.suggestDouble(s, "learning_rate"));
    int rounds = space.suggestInt(s, "n_estimators");
    if (trees) {
      p.put("gamma", space.suggestDouble(s, "gamma"));
      p.put("min_child_weight", space.suggestDouble(s, "min_child_weight"));
      p.put("subsample", space.suggestDouble(s, "subsample"));
      p.put("colsample_bytree", space.suggestDouble(s, "colsample_bytree"));
      p.put("colsample_bylevel", space.suggestDouble(s, "colsample_bylevel"));
      p.put("alpha", space.suggestDouble(s, "reg_alpha"));
      p.put("lambda", space.suggestDouble(s, "reg_lambda"));
    }
    if (booster.equals("dart")) {
      p.put("sample_type", space.suggestString(s, "sample_type"));
      p.put("normalize_type", space.suggestString(s, "normalize_type"));
      p.put("rate_drop", space.suggestDouble(s, "rate_drop"));
      p.put("skip_drop", space.suggestDouble(s, "skip_drop"));
    }
    if (!trees) {
      // per-row penalties: XGBoost multiplies them by the row count (see XGBoostSpace)
      p.put("alpha", space.suggestDouble(s, "linear_reg_alpha"));
      p.put("lambda", space.suggestDouble(s, "linear_reg_lambda"));
      p.put("feature_selector", space.suggestString(s, "feature_selector"));
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("'n_estimators' must be >= 1, but got " + rounds);
    }
    if (trees) {
      p.put("tree_method", "hist");
    }
    // one OpenMP thread per booster: parallelism comes from training the folds side by side, which
    // never spins (OpenMP's busy-waiting threads slowed a digits CV 30-fold at load 10)
    p.put("nthread", 1);
    p.put("seed", settings.seed());
    p.put("verbosity", 0);
    if (data.task() == Task.REGRESSION) {
      p.put("objective", "reg:squarederror");
      p.put("eval_metric", "rmse");
    } else if (data.classCount() == 2) {
      p.put("objective", "binary:logistic");
      p.put("eval_metric", metric() == Metric.AUC ? "auc" : "logloss");
    } else {
      p.put("objective", "multi:softprob");
      p.put("num_class", data.classCount());
      p.put("eval_metric", "mlogloss");
    }
    return new Config(p, rounds, booster);
  }

  private boolean lossMaximized() {
    return metric() == Metric.AUC;
  }

  CvResult crossValidate(Config c, Trial s) throws XGBoostError {
    List<FoldRun> runs = new ArrayList<>();
    int threads = Math.min(settings.nthread(), folds.size());
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, DAEMON) : null;
    try {
      for (Splits.Fold f : folds) {
        FoldRun r =
            new FoldRun(metric(), settings.earlyStoppingRounds(), lossMaximized(), c.linear());
        runs.add(r);
        float[][] features = trainValidFeatures(c, f.train(), f.valid());
        r.train = matrix(features[0], f.train());
        r.valid = matrix(features[1], f.valid());
        r.validTargets = data.targets(f.valid());
        r.booster = XGBoost.train(r.train, c.params(), 0, new HashMap<>(), null, null);
      }
      int done = 0;
      while (true) {
        int target = Math.min(c.rounds(), done + settings.reportEvery());
        // each fold advances on its own (early stopping included); they meet only to report
        runAll(pool, runs, target);
        done = target;
        boolean last = done == c.rounds() || runs.stream().noneMatch(r -> r.active);
        int step = last ? runs.stream().mapToInt(r -> r.roundsDone).max().orElse(done) : done;
        s.report(step, mean(runs.stream().mapToDouble(r -> r.score).toArray()));
        if (last) {
          break;
        }
        if (s.shouldPrune()) {
          throw new TrialPrunedException();
        }
      }
      double[] scores = runs.stream().mapToDouble(r -> r.score).toArray();
      double mean = mean(scores);
      double var = 0;
      for (double v : scores) {
        var += (v - mean) * (v - mean);
      }
      double bestRounds = runs.stream().mapToInt(r -> r.bestRound + 1).average().orElse(0);
      return new CvResult(mean, Math.sqrt(var / Math.max(1, scores.length - 1)), bestRounds);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      for (FoldRun r : runs) {
        r.dispose();
      }
    }
  }

  /** Advances every fold to round {@code target}, on the pool's threads if there is a pool. */
  private static void runAll(ExecutorService pool, List<FoldRun> runs, int target)
      throws XGBoostError {
    if (pool == null) {
      for (FoldRun r : runs) {
        r.advance(target);
      }
      return;
    }
    List<Future<?>> pending = new ArrayList<>();
    for (FoldRun r : runs) {
      pending.add(
          pool.submit(
              () -> {
                r.advance(target);
                return null;
              }));
    }
    // wait for every fold before rethrowing: the caller frees the boosters next
    Throwable failure = null;
    boolean interrupted = false;
    for (Future<?> f : pending) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          failure = failure != null ? failure : e.getCause();
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof XGBoostError x) {
      throw x;
    }
    if (failure instanceof RuntimeException x) {
      throw x;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  /** Parses the value of XGBoost's evaluation line, e.g. {@code [9]\tvalid-logloss:0.10786}. */
  static double parseEval(String line) {
    String text = line.substring(line.lastIndexOf(':') + 1).trim();
    double v =
        text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("-nan")
            ? Double.NaN
            : Double.parseDouble(text);
    if (Double.isNaN(v)) {
      throw new ArithmeticException("XGBoost's validation loss is NaN: " + line.trim());
    }
    return v;
  }

  /**
   * Row-major features of {@code train} and {@code other} rows as the configuration's booster sees
   * them: raw for the tree boosters; for gblinear standardized with the statistics of the {@code
   * train} rows alone, so the validation or test rows never shape their own scaling.
   */
  float[][] trainValidFeatures(Config c, int[] train, int[] other) {
    float[] a = data.features(train);
    float[] b = data.features(other);
    if (c.linear()) {
      Standardization st = Standardization.fit(data, train);
      st.applyInPlace(a);
      st.applyInPlace(b);
    }
    return new float[][] {a, b};
  }

  /** The held-out test rows, which no evaluation sees. */
  int[] testRows() {
    return split.test();
  }

  private DMatrix matrix(float[] features, int[] rows) throws XGBoostError {
    DMatrix m = new DMatrix(features, rows.length, data.cols(), Float.NaN);
    m.setLabel(data.targets(rows));
    return m;
  }
}
