package org.hpo4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.hpo4j.pruner.Pruner;
import org.hpo4j.pruner.Pruners;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.trial.FrozenTrial;

/**
 * The {@code spark-submit} entry point: runs a study file's model objective with its trials as
 * Spark tasks.
 *
 * <pre>
 * spark-submit --class org.hpo4j.spark.SubmitMain --jars ... hpo4j-spark.jar \
 *     examples/xgboost-digits.yaml [--storage URL] [--parallelism N] [--trials N]
 * </pre>
 *
 * The dataset is read on the driver (to check the file and take the metric's direction) and shipped
 * to every executor with {@code SparkContext.addFile}; an executor that sees the same path (a
 * shared file system) reads it there instead. Exit status 2 with one line on stderr for bad input.
 */
public final class SubmitMain {
  private SubmitMain() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("hpo4j-spark: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Runs the study; @return its best trial */
  static FrozenTrial run(String[] args) {
    if (args.length == 0 || args[0].startsWith("--")) {
      throw new IllegalArgumentException(
          "usage: SubmitMain STUDY.yaml [--storage URL] [--parallelism N] [--trials N]");
    }
    Map<String, String> flags = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!List.of("--storage", "--parallelism", "--trials").contains(args[i])
          || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "unknown or incomplete option '"
                + args[i]
                + "'; allowed: --storage URL, --parallelism N, --trials N");
      }
      flags.put(args[i], args[++i]);
    }
    Path file = Path.of(args[0]).toAbsolutePath();
    StudyFileSpec spec = StudyFileSpec.read(file);
    String storage = flags.getOrDefault("--storage", spec.storage());
    if (storage == null) {
      throw new IllegalArgumentException(
          file
              + ": executors need a storage they reach: give 'storage:' in the file "
              + "or --storage (postgresql://..., grpc://host:port, or sqlite: on a shared file system)");
    }
    int trials =
        positive(flags.getOrDefault("--trials", String.valueOf(spec.trials())), "--trials");
    SparkSession spark = SparkSession.builder().appName("hpo4j " + spec.name()).getOrCreate();
    Map<String, Object> objective = new LinkedHashMap<>(spec.objective());
    Path dataset = null;
    if (objective.get("dataset") != null) {
      Path p = Path.of(objective.get("dataset").toString());
      dataset =
          p.isAbsolute()
              ? p
              : (Files.exists(p) ? p.toAbsolutePath() : file.getParent().resolve(p).normalize());
      objective.put("dataset", dataset.toString());
    }
    ModelObjective model = new ModelObjective(objective, file.getParent());
    List<StudyDirection> directions =
        spec.directions().isEmpty() ? model.configured().directions() : spec.directions();
    if (dataset != null && Files.exists(dataset)) {
      spark.sparkContext().addFile(dataset.toString());
    }
    String samplerType = String.valueOf(spec.sampler().get("type"));
    HashMap<String, Object> samplerOptions = new HashMap<>(spec.sampler());
    samplerOptions.remove("type");
    long seed = spec.seed();
    HashMap<String, Object> prunerSpec = new HashMap<>(spec.pruner());
    SerializableSupplier<Sampler> sampler =
        () -> Samplers.create(samplerType, seed, samplerOptions);
    SerializableSupplier<Pruner> pruner = () -> Pruners.create(prunerSpec);
    Study study =
        Study.builder()
            .name(spec.name())
            .directions(directions.toArray(StudyDirection[]::new))
            .storage(Storages.open(storage))
            .sampler(sampler.get())
            .pruner(pruner.get())
            .loadIfExists(true)
            .build();
    int remaining = trials - study.finishedTrialCount();
    if (remaining > 0) {
      SparkOptimizer opt =
          SparkOptimizer.on(spark).storage(storage).sampler(sampler).pruner(pruner);
      String p = flags.get("--parallelism");
      if (p != null || spec.threads() > 0) {
        opt.parallelism(p != null ? positive(p, "--parallelism") : spec.threads());
      }
      opt.optimize(study, model, remaining);
    }
    FrozenTrial best = study.best();
    System.out.println(
        "study '"
            + study.name()
            + "': "
            + study.finishedTrialCount()
            + " trials finished; best trial "
            + best.number()
            + " value "
            + best.value()
            + " params "
            + best.params());
    return best;
  }

  private static int positive(String v, String flag) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be an integer >= 1, but got '" + v + "'");
  }
}
