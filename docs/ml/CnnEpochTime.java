import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.hpo4j.ml.cnn.CnnObjective;
import org.hpo4j.ml.cnn.CnnSettings;
import org.hpo4j.ml.cnn.CnnSpace;
import org.hpo4j.ml.data.CsvLoader;
import org.hpo4j.ml.data.Dataset;
import org.hpo4j.ml.data.TargetColumn;
import org.hpo4j.trial.FixedTrial;
import org.hpo4j.trial.Trial;

/**
 * What does one epoch of a CNN configuration cost? Trains one fixed configuration (all parameters
 * of the default CNN space, as JSON) in this JVM on the 60% training split of a study with the
 * default fractions and seed 0, and prints the parameter count, the network and, per epoch, the
 * validation accuracy with the wall and process CPU seconds of that epoch. Used in docs/ml/cnn.md
 * to find which parts of the space make mnist10k trials slow; docs/ml/cnn-epoch-time.sh runs the
 * configurations of its table, one JVM each, with the trial processes' JVM flags and one
 * PyTorch thread. Run from the repository root after ./hpo has built the jars:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
 *   -cp "hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*" docs/ml/CnnEpochTime.java \
 *   ../shared/data/mnist10k.csv.gz 1 '{"block_type": "plain", ...}'
 * </pre>
 */
public class CnnEpochTime {
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    Dataset d = CsvLoader.load(Path.of(args[0]), TargetColumn.named("label"), null);
    int epochs = Integer.parseInt(args[1]);
    Map<String, Object> p = new ObjectMapper().readValue(args[2], Map.class);
    CnnObjective o = new CnnObjective(d, CnnSpace.defaults(),
        new CnnSettings(epochs, 0.2, 0.2, 0, 1, 1, 0).withIsolated(false));
    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long[] since = {System.nanoTime(), os.getProcessCpuTime()};
    FixedTrial fixed = FixedTrial.of(p);
    // the fixed trial, with its user attributes and reports timed on the way
    Trial timed = (Trial) Proxy.newProxyInstance(Trial.class.getClassLoader(),
        new Class<?>[] {Trial.class}, (proxy, m, a) -> {
          if (m.getName().equals("setUserAttr")) {
            System.out.println(a[0] + " " + a[1]);
            since[0] = System.nanoTime(); // the network is built: epochs start now
            since[1] = os.getProcessCpuTime();
          } else if (m.getName().equals("report") && a[1] instanceof Double accuracy) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            System.out.printf("epoch %d accuracy %.4f wall %.1fs cpu %.1fs%n", a[0], accuracy,
                (wall - since[0]) / 1e9, (cpu - since[1]) / 1e9);
            since[0] = wall;
            since[1] = cpu;
          }
          try {
            return m.invoke(fixed, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    o.evaluate(timed);
  }
}
