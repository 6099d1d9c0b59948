import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpo4j.ml.ConfiguredObjective;
import org.hpo4j.ml.HoldoutScore;
import org.hpo4j.ml.ObjectiveFactory;
import org.hpo4j.sampler.Sampler;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.space.Distribution;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;
import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * The seed paper's experiment on real tasks (issue 23): each (task, sampler, seed) is one study of
 * N real evaluations; one JSON line per run is appended to OUT as soon as it ends, and runs already
 * in OUT are skipped, so an interrupted run resumes where it stopped.
 *
 * <pre>java -cp 'hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*' docs/rl/RealTasks.java \
 *     OUT.jsonl TASKS SAMPLERS SEEDS [XGB_TRIALS] [CNN_TRIALS]</pre>
 *
 * TASKS: comma list of iris, wine, breast_cancer, digits, diabetes (XGBoost) and cnn_digits.
 * SAMPLERS: comma list of names, each optionally with options, e.g. {@code rl:step_heads=false}
 * ({@code ;} between options). SEEDS: e.g. 0-4. Each seed moves the sampler and the data split.
 *
 * <p>Fields: task, sampler, seed, evaluations, metric, maximize, valid_trace (best validation score
 * after each evaluation; failed ones repeat the previous entry), best_valid, test (held-out score
 * of the best trial refitted on the tuning rows), wall_s (the study, not the refit), cpu_s (CPU of
 * this process and its finished children over the study), sampler_cpu_s (CPU time of the
 * sampler's own calls, thread time), trial_wall_s (list), load (1-minute load average at start).
 */
public final class RealTasks {
  static final Path DATA = Path.of(System.getProperty("hpo4j.data.dir", "../shared/data"));

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    String[] tasks = args[1].split(",");
    String[] samplers = args[2].split(",");
    List<Long> seeds = seeds(args[3]);
    int xgbTrials = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    int cnnTrials = args.length > 5 ? Integer.parseInt(args[5]) : 12;
    ObjectMapper json = new ObjectMapper();
    Set<String> done = new HashSet<>();
    if (Files.exists(out)) {
      for (String line : Files.readAllLines(out)) {
        if (!line.isBlank()) {
          Map<?, ?> m = json.readValue(line, Map.class);
          done.add(m.get("task") + "|" + m.get("sampler") + "|" + m.get("seed"));
        }
      }
    }
    for (long seed : seeds) {
      for (String task : tasks) {
        for (String spec : samplers) {
          if (done.contains(task + "|" + spec + "|" + seed)) {
            continue;
          }
          int n = task.startsWith("cnn") ? cnnTrials : xgbTrials;
          Map<String, Object> line = run(task, spec, seed, n);
          Files.writeString(out, json.writeValueAsString(line) + "\n", StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          System.err.printf("%s %s seed %d: best %.4f test %.4f wall %.1fs cpu %.1fs sampler %.2fs%n", task, spec,
              seed, (Double) line.get("best_valid"), (Double) line.get("test"), (Double) line.get("wall_s"),
              (Double) line.get("cpu_s"), (Double) line.get("sampler_cpu_s"));
        }
      }
    }
  }

  /** The objective section of each task: its real space, as in examples/ and hpo4j-ml. */
  static Map<String, Object> config(String task, long seed) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("seed", seed);
    c.put("test_fraction", 0.2);
    c.put("nthread", 1);
    if (task.equals("cnn_digits")) {
      c.put("model", "cnn");
      c.put("dataset", DATA.resolve("digits.csv").toString());
      c.put("epochs", Integer.getInteger("cnn.epochs", 3));
      c.put("valid_fraction", 0.2);
      c.put("space", Map.of("lr_schedule", "cosine"));
      return c;
    }
    c.put("model", "xgboost");
    c.put("dataset", DATA.resolve(task + ".csv").toString());
    c.put("early_stopping_rounds", 20);
    if (task.equals("diabetes")) {
      c.put("task", "regression");
      c.put("metric", "rmse");
    } else {
      c.put("metric", "accuracy");
    }
    if (task.equals("digits")) {
      // the example's narrowed rounds and learning rate, 3 folds: a digits study costs ~5x iris
      c.put("folds", 3);
      c.put("space", Map.of("n_estimators", Map.of("low", 20, "high", 100),
          "learning_rate", Map.of("low", 0.05, "high", 0.5, "log", true)));
    } else {
      c.put("folds", 5);
      c.put("space", Map.of("n_estimators", Map.of("low", 20, "high", 300)));
    }
    return c;
  }

  static Map<String, Object> run(String task, String spec, long seed, int n) throws Exception {
    ConfiguredObjective objective = ObjectiveFactory.fromConfig(config(task, seed));
    String[] parts = spec.split(":", 2);
    Map<String, Object> options = new HashMap<>();
    if (parts.length > 1) {
      for (String kv : parts[1].split(";")) {
        String[] p = kv.split("=", 2);
        options.put(p[0], value(p[1]));
      }
    }
    Timed sampler = new Timed(Samplers.create(parts[0], seed, options));
    boolean maximize = objective.directions().get(0) == StudyDirection.MAXIMIZE;
    Study study = Study.builder().name(task + "-" + spec + "-" + seed)
        .direction(objective.directions().get(0)).sampler(sampler).build();
    double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    double cpu0 = processCpu();
    long t0 = System.nanoTime();
    study.optimize(objective.objective(), n);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = processCpu() - cpu0;
    List<Double> trace = new ArrayList<>();
    List<Double> trialWall = new ArrayList<>();
    Double best = null;
    for (FrozenTrial t : study.trials()) {
      if (t.state() == TrialState.COMPLETE) {
        double v = t.value();
        best = best == null ? v : maximize ? Math.max(best, v) : Math.min(best, v);
      }
      trace.add(best);
      if (t.start() != null && t.complete() != null) {
        trialWall.add(java.time.Duration.between(t.start(), t.complete()).toNanos() / 1e9);
      }
    }
    HoldoutScore h = objective.holdout(study.best());
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("task", task);
    line.put("sampler", spec);
    line.put("seed", seed);
    line.put("evaluations", n);
    line.put("metric", objective.valueNames().get(0));
    line.put("maximize", maximize);
    line.put("valid_trace", trace);
    line.put("best_valid", best);
    line.put("test", h.test());
    line.put("best_params", study.best().params());
    line.put("wall_s", wall);
    line.put("cpu_s", cpu);
    line.put("sampler_cpu_s", sampler.nanos / 1e9);
    line.put("trial_wall_s", trialWall);
    line.put("load", load);
    return line;
  }

  private static Object value(String s) {
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    try {
      return s.contains(".") || s.contains("e") ? (Object) Double.parseDouble(s) : (Object) Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  /** User + system CPU seconds of this process and its waited-for children (/proc/self/stat). */
  static double processCpu() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields 14-17 of stat (utime stime cutime cstime) are 11-14 after the command name
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    return ticks / 100.0;
  }

  static List<Long> seeds(String s) {
    List<Long> out = new ArrayList<>();
    for (String part : s.split(",")) {
      String[] r = part.split("-");
      long lo = Long.parseLong(r[0]);
      long hi = r.length > 1 ? Long.parseLong(r[1]) : lo;
      for (long v = lo; v <= hi; v++) {
        out.add(v);
      }
    }
    return out;
  }

  /** Measures the thread CPU time of every call into a sampler. */
  static final class Timed implements Sampler {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private final Sampler s;
    long nanos;

    Timed(Sampler s) {
      this.s = s;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
      long t = MX.getCurrentThreadCpuTime();
      try {
        return s.inferRelativeSearchSpace(study, trial);
      } finally {
        nanos += MX.getCurrentThreadCpuTime() - t;
      }
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
      long t = MX.getCurrentThreadCpuTime();
      try {
        return s.sampleRelative(study, trial, space);
      } finally {
        nanos += MX.getCurrentThreadCpuTime() - t;
      }
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution d) {
      long t = MX.getCurrentThreadCpuTime();
      try {
        return s.sampleIndependent(study, trial, name, d);
      } finally {
        nanos += MX.getCurrentThreadCpuTime() - t;
      }
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
      long t = MX.getCurrentThreadCpuTime();
      try {
        s.beforeTrial(study, trial);
      } finally {
        nanos += MX.getCurrentThreadCpuTime() - t;
      }
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
      long t = MX.getCurrentThreadCpuTime();
      try {
        s.afterTrial(study, trial, state, values);
      } finally {
        nanos += MX.getCurrentThreadCpuTime() - t;
      }
    }

    @Override
    public boolean isExhausted(StudyView study) {
      return s.isExhausted(study);
    }
  }
}
