package org.hpo4j.spark.ml;

import static org.hpo4j.Checks.requireArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.hpo4j.Experimental;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tunes any Spark ML estimator or {@code Pipeline} with an hpo4j study, where {@code
 * CrossValidator} and {@code TrainValidationSplit} walk a grid: a sampler proposes each trial's
 * ParamMap from a {@link ParamSpace}, the trial fits k folds (or one train/validation split) and
 * scores them with the evaluator, and each fold's metric is reported as an intermediate value so
 * that a pruner can stop a poor configuration after its first fold. Up to {@link #parallelism}
 * trials fit at once from the driver, as {@code CrossValidator.setParallelism}. The best trial's
 * ParamMap is refitted on all the data. With a storage URL and a study name, a later fit resumes
 * the study and runs only the trials still missing.
 *
 * <p>Setters return this tuner, for chaining from Java and Scala alike. Not thread-safe while being
 * configured.
 */
@Experimental
@SuppressWarnings({"rawtypes", "unchecked"})
public final class HpoTuner extends Estimator<HpoTunerModel> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(HpoTuner.class);

  private final String uid;
  private final IntParam numFolds;
  private final DoubleParam trainRatio;
  private final IntParam trials;
  private final IntParam parallelism;
  private final LongParam seed;
  private final Param<String> studyName;
  private final Param<String> storage;
  private Estimator estimator;
  private Evaluator evaluator;
  private transient ParamSpace space;
  private transient Sampler sampler;
  private transient Pruner pruner;

  public HpoTuner() {
    this(Identifiable$.MODULE$.randomUID("hpoTuner"));
  }

  public HpoTuner(String uid) {
    this.uid = uid;
    numFolds =
        new IntParam(
            this, "numFolds", "folds of cross-validation (>= 2), unless trainRatio is set");
    trainRatio =
        new DoubleParam(
            this,
            "trainRatio",
            "fraction for training in one train/validation split, "
                + "in (0, 1); 0 = k-fold cross-validation");
    trials =
        new IntParam(this, "trials", "total trials of the study (a resumed study runs the rest)");
    parallelism = new IntParam(this, "parallelism", "trials fitted at once from the driver");
    seed = new LongParam(this, "seed", "seed of the folds and of the default TPE sampler");
    studyName = new Param<>(this, "studyName", "name of the study in the storage");
    storage =
        new Param<>(this, "storage", "storage URL to keep and resume the study ('' = in memory)");
    setDefault(numFolds, 3);
    setDefault(trainRatio, 0.0);
    setDefault(trials, 20);
    setDefault(parallelism, 1);
    setDefault(seed, 0L);
    setDefault(studyName, "hpo-tuner");
    setDefault(storage, "");
  }

  @Override
  public String uid() {
    return uid;
  }

  public IntParam numFolds() {
    return numFolds;
  }

  public DoubleParam trainRatio() {
    return trainRatio;
  }

  public IntParam trials() {
    return trials;
  }

  public IntParam parallelism() {
    return parallelism;
  }

  public LongParam seed() {
    return seed;
  }

  public Param<String> studyName() {
    return studyName;
  }

  public Param<String> storage() {
    return storage;
  }

  /** The estimator or Pipeline to tune. */
  public HpoTuner setEstimator(Estimator<?> estimator) {
    this.estimator = org.hpo4j.Checks.requireNonNull(estimator, "estimator");
    return this;
  }

  /**
   * Scores a fitted model on validation rows; its {@code isLargerBetter} sets the study's
   * direction.
   */
  public HpoTuner setEvaluator(Evaluator evaluator) {
    this.evaluator = org.hpo4j.Checks.requireNonNull(evaluator, "evaluator");
    return this;
  }

  /** The parameters to tune, over Params of the estimator or of its stages. */
  public HpoTuner setSearchSpace(ParamSpace space) {
    this.space = org.hpo4j.Checks.requireNonNull(space, "searchSpace");
    return this;
  }

  /** The sampler (default: TPE seeded with {@link #seed}). */
  public HpoTuner setSampler(Sampler sampler) {
    this.sampler = org.hpo4j.Checks.requireNonNull(sampler, "sampler");
    return this;
  }

  /** The pruner consulted after each fold but the last (default: none). */
  public HpoTuner setPruner(Pruner pruner) {
    this.pruner = org.hpo4j.Checks.requireNonNull(pruner, "pruner");
    return this;
  }

  public HpoTuner setNumFolds(int value) {
    requireArgument(value >= 2, "numFolds >= 2 must hold, but got numFolds=%s", value);
    set(numFolds, value);
    return this;
  }

  public HpoTuner setTrainRatio(double value) {
    requireArgument(
        value > 0 && value < 1, "trainRatio must be in (0, 1), but got trainRatio=%s", value);
    set(trainRatio, value);
    return this;
  }

  public HpoTuner setTrials(int value) {
    requireArgument(value >= 1, "trials >= 1 must hold, but got trials=%s", value);
    set(trials, value);
    return this;
  }

  public HpoTuner setParallelism(int value) {
    requireArgument(value >= 1, "parallelism >= 1 must hold, but got parallelism=%s", value);
    set(parallelism, value);
    return this;
  }

  public HpoTuner setSeed(long value) {
    set(seed, value);
    return this;
  }

  public HpoTuner setStudyName(String value) {
    requireArgument(value != null && !value.isBlank(), "studyName must be non-empty");
    set(studyName, value);
    return this;
  }

  /**
   * A storage URL (sqlite:, postgresql://, ...) that keeps the study, so a later fit resumes it.
   */
  public HpoTuner setStorage(String url) {
    set(storage, url == null ? "" : url);
    return this;
  }

  @Override
  public HpoTunerModel fit(Dataset<?> dataset) {
    checkReady();
    Dataset<Row> data = (Dataset<Row>) dataset;
    int k = (Integer) $(numFolds);
    double ratio = (Double) $(trainRatio);
    Folds folds = Folds.of(data, k, ratio, (Long) $(seed));
    String url = $(storage);
    Storage store = url.isEmpty() ? Storages.inMemory() : Storages.open(url);
    Study study =
        Study.builder()
            .name($(studyName))
            .direction(
                evaluator.isLargerBetter() ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE)
            .storage(store)
            .sampler(sampler != null ? sampler : Samplers.create("tpe", (Long) $(seed), Map.of()))
            .pruner(pruner != null ? pruner : Pruner.none())
            .loadIfExists(true)
            .build();
    int total = (Integer) $(trials);
    int remaining = total - study.finishedTrialCount();
    LOG.info(
        "HpoTuner: study '"
            + study.name()
            + "': "
            + Math.max(remaining, 0)
            + " of "
            + total
            + " trials to run, "
            + folds.size()
            + " fit(s) each, "
            + $(parallelism)
            + " at once");
    try {
      if (remaining > 0) {
        study.optimize(
            new FoldObjective(estimator, evaluator, space, folds),
            org.hpo4j.study.OptimizeOptions.trials(remaining).threads((Integer) $(parallelism)));
      }
      if (study.bestTrial().isEmpty()) {
        Map<String, Long> states = new java.util.TreeMap<>();
        study.trials(null).forEach(t -> states.merge(t.state().name(), 1L, Long::sum));
        throw new IllegalStateException(
            "HpoTuner: no trial of study '"
                + study.name()
                + "' is COMPLETE "
                + states
                + ", so there is no best model to refit; loosen the pruner or raise trials");
      }
      FrozenTrial best = study.best();
      ParamMap bestMap = space.toParamMap(best.params());
      Model bestModel = (Model) estimator.fit(data, bestMap);
      List<TrialMetrics> metrics = new ArrayList<>();
      for (FrozenTrial t : study.trials(null)) {
        metrics.add(FoldObjective.metricsOf(t));
      }
      HpoTunerModel model =
          new HpoTunerModel(uid, bestModel, bestMap, best.params(), metrics, study.name());
      copyValues(model, ParamMap.empty());
      return (HpoTunerModel) model.setParent(this);
    } finally {
      folds.release();
      if (!url.isEmpty()) {
        store.close();
      }
    }
  }

  private void checkReady() {
    requireArgument(estimator != null, "HpoTuner needs an estimator: call setEstimator");
    requireArgument(evaluator != null, "HpoTuner needs an evaluator: call setEvaluator");
    requireArgument(
        space != null && !space.isEmpty(),
        "HpoTuner's search space is empty: give setSearchSpace a "
            + "ParamSpace with at least one floatRange, intRange, categorical or choose");
    Map<String, Params> stages = Stages.of(estimator);
    for (Param<?> p : space.params()) {
      Stages.requireOwned(stages, p, estimator.uid());
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return estimator == null ? schema : estimator.transformSchema(schema);
  }

  @Override
  public HpoTuner copy(ParamMap extra) {
    HpoTuner c = new HpoTuner(uid);
    c.estimator = estimator;
    c.evaluator = evaluator;
    c.space = space;
    c.sampler = sampler;
    c.pruner = pruner;
    return copyValues(c, extra);
  }

  @Override
  public Param<?>[] params() {
    return new Param<?>[] {numFolds, trainRatio, trials, parallelism, seed, studyName, storage};
  }
}
