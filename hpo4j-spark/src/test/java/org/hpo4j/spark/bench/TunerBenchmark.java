package org.hpo4j.spark.bench;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.pruner.Pruners;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.spark.ml.Frames;
import org.hpo4j.spark.ml.HpoTuner;
import org.hpo4j.spark.ml.HpoTunerModel;
import org.hpo4j.spark.ml.ParamSpace;
import org.hpo4j.spark.ml.TrialMetrics;

/**
 * Not a test: HpoTuner (TPE, 27 trials of 3 folds, with and without median pruning after each fold)
 * against CrossValidator over a 3x3x3 grid (27 configurations, 3 folds) on the same estimator and
 * data, parallelism 2. Prints one TSV row per (dataset, seed, method). Run by
 * docs/spark/tuner-bench.sh.
 *
 * <p>Args: DATA_DIR SEED... ; breast_cancer uses GBTClassifier (binary only in Spark); digits (10
 * classes) uses RandomForestClassifier, since GBT would need OneVsRest, ten times the fits.
 */
public final class TunerBenchmark {
  private TunerBenchmark() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("tuner-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    System.out.println("dataset\tseed\tmethod\tbest_cv\ttest\tfold_fits\twall_s");
    for (String name : List.of("breast_cancer", "digits")) {
      Dataset<Row> all = Frames.load(spark, args[0] + "/" + name + ".csv").cache();
      for (int a = 1; a < args.length; a++) {
        long seed = Long.parseLong(args[a]);
        Dataset<Row>[] split = all.randomSplit(new double[] {0.8, 0.2}, seed);
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1].cache();
        grid(name, seed, train, test);
        tuner(name, seed, train, test, false);
        tuner(name, seed, train, test, true);
      }
    }
    spark.stop();
  }

  private static MulticlassClassificationEvaluator accuracy() {
    return new MulticlassClassificationEvaluator().setMetricName("accuracy");
  }

  /** The estimator and its three tuned params with their grids (low, mid, high) and ranges. */
  private record Setup(Estimator<?> estimator, ParamMap[] grid, ParamSpace space) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Setup setup(String name, long seed) {
    if (name.equals("breast_cancer")) {
      GBTClassifier gbt = new GBTClassifier().setSeed(seed);
      ParamMap[] grid =
          new ParamGridBuilder()
              .addGrid(gbt.maxIter(), new int[] {5, 10, 20})
              .addGrid(gbt.maxDepth(), new int[] {2, 3, 5})
              .addGrid(gbt.stepSize(), new double[] {0.05, 0.1, 0.3})
              .build();
      ParamSpace space =
          ParamSpace.create()
              .intRange(gbt.maxIter(), 5, 20, false)
              .intRange(gbt.maxDepth(), 2, 5, false)
              .floatRange(gbt.stepSize(), 0.05, 0.3, true);
      return new Setup(gbt, grid, space);
    }
    RandomForestClassifier rf = new RandomForestClassifier().setSeed(seed);
    ParamMap[] grid =
        new ParamGridBuilder()
            .addGrid(rf.numTrees(), new int[] {10, 20, 40})
            .addGrid(rf.maxDepth(), new int[] {4, 7, 10})
            .addGrid(rf.minInstancesPerNode(), new int[] {1, 2, 4})
            .build();
    ParamSpace space =
        ParamSpace.create()
            .intRange(rf.numTrees(), 10, 40, false)
            .intRange(rf.maxDepth(), 4, 10, false)
            .intRange(rf.minInstancesPerNode(), 1, 4, false);
    return new Setup(rf, grid, space);
  }

  @SuppressWarnings({"rawtypes"})
  private static void grid(String name, long seed, Dataset<Row> train, Dataset<Row> test) {
    Setup s = setup(name, seed);
    long t0 = System.nanoTime();
    CrossValidatorModel m =
        new CrossValidator()
            .setEstimator((Estimator) s.estimator())
            .setEvaluator(accuracy())
            .setEstimatorParamMaps(s.grid())
            .setNumFolds(3)
            .setParallelism(2)
            .setSeed(seed)
            .fit(train);
    double wall = (System.nanoTime() - t0) / 1e9;
    double best = java.util.Arrays.stream(m.avgMetrics()).max().orElse(Double.NaN);
    double t = accuracy().evaluate(m.transform(test));
    row(name, seed, "grid (CrossValidator)", best, t, s.grid().length * 3, wall);
  }

  private static void tuner(
      String name, long seed, Dataset<Row> train, Dataset<Row> test, boolean prune) {
    Setup s = setup(name, seed);
    HpoTuner tuner =
        new HpoTuner()
            .setEstimator(s.estimator())
            .setEvaluator(accuracy())
            .setSearchSpace(s.space())
            .setSampler(Samplers.create("tpe", seed, Map.of()))
            .setNumFolds(3)
            .setTrials(27)
            .setParallelism(2)
            .setSeed(seed);
    if (prune) {
      tuner.setPruner(Pruners.create("median", Map.of("startup_trials", 5)));
    }
    long t0 = System.nanoTime();
    HpoTunerModel m = tuner.fit(train);
    double wall = (System.nanoTime() - t0) / 1e9;
    int fits = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (TrialMetrics tm : m.trialMetrics()) {
      fits += tm.foldMetrics().size();
      if (tm.state().equals("COMPLETE")) {
        best = Math.max(best, tm.metric());
      }
    }
    double t = accuracy().evaluate(m.transform(test));
    row(name, seed, prune ? "tuner TPE + median pruning" : "tuner TPE", best, t, fits, wall);
  }

  private static void row(
      String name, long seed, String method, double best, double test, int fits, double wall) {
    System.out.printf(
        "%s\t%d\t%s\t%.4f\t%.4f\t%d\t%.1f%n", name, seed, method, best, test, fits, wall);
    System.out.flush();
  }
}
