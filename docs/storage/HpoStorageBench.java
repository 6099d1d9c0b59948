import java.util.Map;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;

/**
 * hpo4j's side of docs/storage/bench.sh (not a test): study "bench" is first filled with PREFILL
 * trials (untimed), then N more trials of a trivial two-parameter objective under the random
 * sampler run in one worker thread, timed, after a warm-up study of 300 trials on the same storage
 * (so the JIT is not measured). With N = 0 it only fills the study, for Optuna to go on with. Prints trials per second of wall
 * time and per second of the process's CPU time.
 * Run with the CLI's class path: java -cp hpo4j-cli/target/hpo4j-cli.jar docs/storage/HpoStorageBench.java URL PREFILL N
 */
public final class HpoStorageBench {
  public static void main(String[] args) {
    String url = args[0];
    int prefill = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    try (Storage storage = Storages.open(url)) {
      run(storage, "bench", prefill);
      if (n == 0) {
        return; // only filled the study, for Optuna to go on with
      }
      run(storage, "warmup", 300);
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      run(storage, "bench", n);
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - c0) / 1e9;
      System.out.printf("%.1f %.1f%n", n / s, n / cpu);
    }
  }

  /** CPU time of the whole process (every thread), so that a busy machine's waiting is not counted. */
  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
  }

  private static void run(Storage storage, String name, int n) {
    if (n == 0) {
      return;
    }
    Study study = Study.builder().name(name).storage(storage).sampler(Samplers.create("random", 1, Map.of()))
        .loadIfExists(true).build();
    int before = study.trials().size();
    study.optimize(trial -> {
      double x = trial.suggestFloat("x", -10, 10);
      double y = trial.suggestFloat("y", -10, 10);
      return x * x + y;
    }, n);
    if (study.trials().size() != before + n) {
      throw new IllegalStateException("expected " + n + " trials");
    }
  }
}
