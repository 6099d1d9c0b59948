package org.hpo4j.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.ml.cnn.CnnObjective;
import org.hpo4j.ml.cnn.CnnSettings;
import org.hpo4j.ml.cnn.CnnSpace;
import org.hpo4j.ml.data.CsvLoader;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.TargetColumn;
import org.hpo4j.ml.data.Task;
import org.hpo4j.ml.space.SearchSpace;
import org.hpo4j.ml.xgboost.XGBoostObjective;
import org.hpo4j.ml.xgboost.XGBoostSettings;
import org.hpo4j.ml.xgboost.XGBoostSpace;
import org.hpo4j.options.OptionReader;

/**
 * Builds a {@link ConfiguredObjective} from the {@code objective} section of a study file, checking
 * every key before anything is trained. Fields (all but {@code model} and {@code dataset}
 * optional):
 *
 * <pre>
 * model: xgboost            # xgboost | cnn
 * dataset: ../shared/data/breast_cancer.csv   # CSV with a header; .csv.gz is read too
 * target: label             # column name, or 0-based position (-1 = last); default label/target/last
 * task: classification      # classification | regression; default: detected from the target
 * metric: accuracy          # accuracy | logloss | auc (2 classes) | rmse (regression)
 * seed: 0                   # splits, XGBoost sampling, CNN initialisation
 * test_fraction: 0.2        # held out for the final test of the best trial
 * nthread: auto             # threads per trial: a number, or auto = cores / study threads;
 *                           # default auto for xgboost (folds in parallel), 1 for cnn
 * space: {max_depth: {low: 3, high: 8}, n_estimators: 200}   # overrides of the default space
 * # xgboost only
 * folds: 5
 * early_stopping_rounds: 20 # 0 = off
 * report_every: 10          # boosting rounds per intermediate value
 * # cnn only
 * epochs: 3
 * valid_fraction: 0.2
 * max_train_rows: 0         # 0 = all
 * channels: 1
 * objectives: [accuracy, param_count]   # add the parameter count as a second objective
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ObjectiveFactory {
  private static final Set<String> COMMON =
      Set.of(
          "model",
          "dataset",
          "target",
          "task",
          "metric",
          "seed",
          "test_fraction",
          "nthread",
          "space");
  private static final Set<String> XGBOOST =
      Set.of("folds", "early_stopping_rounds", "report_every");
  private static final Set<String> CNN =
      Set.of("epochs", "valid_fraction", "max_train_rows", "channels", "objectives");
  private static final List<String> MODELS = List.of("xgboost", "cnn");

  /** How messages outside {@link OptionReader} name a field: {@code objective.KEY}. */
  private static final String FIELD = "objective.";

  private ObjectiveFactory() {}

  /**
   * Like {@link #fromConfig(Map, Path, int)} relative to the working directory, one study thread.
   */
  public static ConfiguredObjective fromConfig(Map<String, Object> config) {
    return fromConfig(config, Path.of(""), 1);
  }

  /** Like {@link #fromConfig(Map, Path, int)} with one study thread. */
  public static ConfiguredObjective fromConfig(Map<String, Object> config, Path baseDir) {
    return fromConfig(config, baseDir, 1);
  }

  /**
   * Builds the objective a study file's {@code objective} section describes, and loads its dataset.
   *
   * @param config the section as parsed from YAML
   * @param baseDir where to look for a relative {@code dataset} that is not found relative to the
   *     working directory (e.g. the study file's directory)
   * @param studyThreads trials the study runs at once; {@code nthread: auto} gives each trial
   *     {@code max(1, cores / studyThreads)} threads, the cores the study leaves free. That is the
   *     default for xgboost, whose threads train the cross-validation folds side by side (each
   *     booster single-threaded: OpenMP threads spin badly on a busy machine); cnn defaults to 1.
   * @throws IllegalArgumentException naming the field ({@code objective.KEY}) and what is allowed,
   *     for an unknown key, a wrong type, a value out of range, or a dataset that cannot be read
   */
  public static ConfiguredObjective fromConfig(
      Map<String, Object> config, Path baseDir, int studyThreads) {
    if (studyThreads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but got " + studyThreads);
    }
    OptionReader c = OptionReader.at("objective", config);
    c.requiredString("model");
    String model = c.choice("model", null, MODELS);
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(model.equals("xgboost") ? XGBOOST : CNN);
    c.requireOnly(allowed, "for model " + model);
    Path path = resolve(c, baseDir);
    TargetColumn target = target(c);
    Task task =
        c.has("task")
            ? Task.valueOf(
                c.choice("task", null, List.of("classification", "regression"))
                    .toUpperCase(java.util.Locale.ROOT))
            : null;
    long seed = c.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
    double testFraction = c.number("test_fraction", 0.2, 0.0, 1.0, true);
    int nthread;
    int free = Math.max(1, Runtime.getRuntime().availableProcessors() / studyThreads);
    if ("auto".equals(c.get("nthread"))) {
      nthread = free;
    } else if (c.get("nthread") instanceof String v) {
      throw new IllegalArgumentException(
          String.format(
              "%s must be an integer in [1, 1024] or auto, but got '%s'", c.field("nthread"), v));
    } else {
      // xgboost trains its folds side by side (never spinning), so it may take the free cores
      nthread = (int) c.integer("nthread", model.equals("xgboost") ? free : 1, 1, 1024);
    }
    Dataset data = load(c, path, target, task);
    Metric metric =
        c.has("metric")
            ? Metric.parse(FIELD + "metric", c.string("metric", null))
            : Metric.defaultFor(data.task());
    metric.checkFits(FIELD + "metric", data.task(), data.classCount());
    Map<String, Object> overrides = c.map("space");
    if (model.equals("xgboost")) {
      SearchSpace space = override(XGBoostSpace.defaults(), overrides);
      int folds = (int) c.integer("folds", 5, 2, 100);
      XGBoostSettings settings =
          new XGBoostSettings(
              metric,
              folds,
              testFraction,
              (int) c.integer("early_stopping_rounds", 20, 0, 1_000_000),
              (int) c.integer("report_every", 10, 1, 1_000_000),
              nthread,
              seed);
      XGBoostObjective o = new XGBoostObjective(data, space, settings);
      return new ConfiguredObjective(
          o,
          false,
          String.format(
              "xgboost on %s (%d rows, %d features), %d-fold CV %s on %d thread(s) per trial, "
                  + "%.0f%% held out for test",
              data.name(),
              data.rows(),
              data.cols(),
              folds,
              metric.key(),
              nthread,
              testFraction * 100));
    }
    if (metric != Metric.ACCURACY) {
      throw new IllegalArgumentException(
          String.format(
              "%s must be accuracy for model cnn, but got '%s'", c.field("metric"), metric.key()));
    }
    boolean withSize = objectives(c, metric);
    SearchSpace space = override(CnnSpace.defaults(), overrides);
    double valid = c.number("valid_fraction", 0.2, 0.0, 1.0, true);
    if (valid == 0) {
      throw new IllegalArgumentException(
          c.field("valid_fraction") + " must be in (0, 1), but got 0");
    }
    int epochs = (int) c.integer("epochs", 3, 1, 10_000);
    CnnSettings settings =
        new CnnSettings(
            epochs,
            valid,
            testFraction,
            (int) c.integer("max_train_rows", 0, 0, Integer.MAX_VALUE),
            (int) c.integer("channels", 1, 1, 1024),
            nthread,
            seed);
    CnnObjective o = new CnnObjective(data, space, settings);
    return new ConfiguredObjective(
        o,
        withSize,
        String.format(
            "cnn on %s (%d images %dx%d, %d classes), %d epochs, validation accuracy on %.0f%%, "
                + "%.0f%% held out for test",
            data.name(),
            data.rows(),
            o.imageSide(),
            o.imageSide(),
            data.classCount(),
            epochs,
            valid * 100,
            testFraction * 100));
  }

  /** Applies overrides; errors name the field as {@code objective.space.NAME}. */
  private static SearchSpace override(SearchSpace defaults, Map<String, Object> overrides) {
    try {
      return defaults.withOverrides(overrides);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("'space.", "'objective.space."), e);
    }
  }

  private static boolean objectives(OptionReader c, Metric metric) {
    List<?> list = c.list("objectives");
    if (list == null) {
      return false;
    }
    List<String> names = list.stream().map(String::valueOf).toList();
    if (names.equals(List.of(metric.key()))) {
      return false;
    }
    if (names.equals(List.of(metric.key(), ConfiguredObjective.PARAM_COUNT))) {
      return true;
    }
    throw new IllegalArgumentException(
        String.format(
            "%s must be [%s] or [%s, %s], but got %s",
            c.field("objectives"),
            metric.key(),
            metric.key(),
            ConfiguredObjective.PARAM_COUNT,
            names));
  }

  private static TargetColumn target(OptionReader c) {
    Object t = c.get("target");
    if (t == null) {
      return TargetColumn.auto();
    }
    if (t instanceof Number) {
      return TargetColumn.at((int) c.integer("target", 0, -100_000, 100_000));
    }
    return TargetColumn.named(c.string("target", null));
  }

  private static Path resolve(OptionReader c, Path baseDir) {
    Path p = Path.of(c.requiredString("dataset"));
    if (Files.isRegularFile(p) || p.isAbsolute()) {
      return p;
    }
    Path alt = baseDir.resolve(p).normalize();
    if (Files.isRegularFile(alt)) {
      return alt;
    }
    throw new IllegalArgumentException(
        String.format(
            "%s file not found: looked for %s and %s",
            c.field("dataset"), p.toAbsolutePath(), alt.toAbsolutePath()));
  }

  private static Dataset load(OptionReader c, Path path, TargetColumn target, Task task) {
    try {
      return CsvLoader.load(path, target, task);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + c.field("dataset") + " " + path, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(c.field("dataset") + ": " + e.getMessage(), e);
    }
  }
}
