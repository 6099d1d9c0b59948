import java.util.Map;
import org.hpo4j.sampler.Samplers;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.Storages;
import org.hpo4j.study.Study;
import org.hpo4j.study.StudyDirection;

/**
 * One hpo4j worker of docs/grpc/bench.sh: a trivial objective of two parameters under the random
 * sampler, on any storage URL. Warms up on a study of its own, says so with a file ready-PID in
 * BARRIER_DIR, waits for BARRIER_DIR/go, runs its trials on THREADS threads and prints one JSON
 * line (its trials, seconds, end instant, the CPU time this process spent on them).
 *
 *   java -cp "hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*" docs/grpc/GrpcBench.java URL STUDY THREADS TRIALS BARRIER_DIR WARMUP
 */
public class GrpcBench {
  public static void main(String[] a) throws Exception {
    String url = a[0];
    String name = a[1];
    int threads = Integer.parseInt(a[2]);
    int trials = Integer.parseInt(a[3]);
    java.nio.file.Path barrier = java.nio.file.Path.of(a[4]);
    int warmup = Integer.parseInt(a[5]);
    long pid = ProcessHandle.current().pid();
    try (Storage st = Storages.open(url)) {
      if (warmup > 0) {
        study(st, name + "-warmup-" + pid, pid).optimize(GrpcBench::objective, warmup, threads);
      }
      Study s = study(st, name, pid);
      java.nio.file.Files.createFile(barrier.resolve("ready-" + pid));
      while (!java.nio.file.Files.exists(barrier.resolve("go"))) {
        Thread.sleep(5);
      }
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      s.optimize(GrpcBench::objective, trials, threads);
      double sec = (System.nanoTime() - t0) / 1e9;
      System.out.printf("{\"trials\": %d, \"seconds\": %.3f, \"rate\": %.1f, \"end_ms\": %d, \"cpu_ms\": %.1f}%n",
          trials, sec, trials / sec, System.currentTimeMillis(), (os.getProcessCpuTime() - c0) / 1e6);
    }
  }

  private static Study study(Storage st, String name, long seed) {
    return Study.builder().name(name).direction(StudyDirection.MINIMIZE).storage(st).loadIfExists(true)
        .sampler(Samplers.create("random", seed, Map.of())).build();
  }

  private static double objective(org.hpo4j.trial.Trial t) {
    return t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1);
  }
}
